import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import { ActionButton } from '../../components/ActionButton';
import { ErrorState } from '../../components/ErrorState';
import { FieldErrorLine, InputField } from '../../components/FormParts';
import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Skeleton } from '../../components/Skeleton';
import { callFunction } from '../../services/cloud';
import { errorSlot, fieldMessage, FORM_SLOT } from '../../services/fieldError';
import { useMembership } from '../../services/membership';
import { goToTab } from '../../utils/tabs';

const FIELDS = ['code', 'orgName', 'branchName', 'name'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field | typeof FORM_SLOT, string>>;

const LABELS: Record<Field, { label: string; hint: string; maxlength: number }> = {
  code: { label: '引导码', hint: '部署时打印的 12 位字母数字，只能用一次', maxlength: 16 },
  orgName: { label: '党组织名称', hint: '如：某某学院党委', maxlength: 40 },
  branchName: { label: '你所在的党支部', hint: '如：机关第一党支部，之后可在组织架构里添加其他支部', maxlength: 40 },
  name: { label: '你的姓名', hint: '2–20 个字的真实姓名', maxlength: 20 },
};

/** Filled in before the server sees it; the server checks each field again and names the one it refuses. */
function missing(values: Record<Field, string>): Errors {
  const errors: Errors = {};
  for (const field of FIELDS) if (values[field].trim() === '') errors[field] = `请填写${LABELS[field].label}`;
  return errors;
}

function BootstrapForm({ onDone }: { onDone: (member: MemberView) => void }) {
  const [values, setValues] = useState<Record<Field, string>>({ code: '', orgName: '', branchName: '', name: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    const found = missing(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    const result = await callFunction('member', 'bootstrap', values);
    setSubmitting(false);
    if (result.ok) {
      onDone(result.data.member);
      return;
    }
    const slot = result.error.field ? errorSlot(result.error.field, FIELDS) : FORM_SLOT;
    setErrors({ [slot]: result.error.code === 'INVALID_INPUT' ? fieldMessage(result.error) : result.error.message });
  };

  return (
    <View className='ht-card'>
      <Text className='ht-card__title'>初始化组织</Text>
      <Text className='ht-card__text'>
        新部署的红途还没有任何成员。输入部署时得到的引导码，你将成为组织部管理员，并与党组织、你所在的党支部一起建立；之后可导入花名册、设置各支部书记。
      </Text>
      {FIELDS.map((field) => (
        <InputField
          key={field}
          name={field}
          label={LABELS[field].label}
          hint={LABELS[field].hint}
          maxlength={LABELS[field].maxlength}
          value={values[field]}
          error={errors[field]}
          onChange={(value) => {
            setValues((current) => ({ ...current, [field]: value }));
            setErrors((current) => ({ ...current, [field]: undefined }));
          }}
        />
      ))}
      <FieldErrorLine message={errors[FORM_SLOT]} />
      <ActionButton loading={submitting} onClick={() => void submit()}>
        完成初始化
      </ActionButton>
    </View>
  );
}

/** The first org admin of a new environment, with the one-time code `npm run deploy` printed (README, 上线部署). */
export default function BootstrapPage() {
  const { membership, reload } = useMembership();
  const [created, setCreated] = useState<MemberView | null>(null);
  const member = created ?? (membership.kind === 'active' ? membership.member : null);

  let body;
  if (member) {
    body = (
      <View className='ht-card' role='status'>
        <Text className='ht-card__title'>{created ? '初始化完成' : '你已是组织成员'}</Text>
        <Text className='ht-card__text'>
          {created ? `你是组织部管理员，所在党支部：${member.branchName}。` : `你在「${member.branchName}」，不需要再初始化。`}
        </Text>
        <ActionButton onClick={() => goToTab('me')}>进入「我的」</ActionButton>
      </View>
    );
  } else if (membership.kind === 'loading') {
    body = <Skeleton rows={4} />;
  } else if (membership.kind === 'unavailable') {
    body = <ErrorState message={membership.message} onRetry={reload} />;
  } else if (membership.kind === 'needsConsent') {
    body = <PrivacyConsent privacyVersion={membership.privacyVersion} onAccepted={reload} />;
  } else {
    body = <BootstrapForm onDone={setCreated} />;
  }
  return <PageShell>{body}</PageShell>;
}
