import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { InviteInfo, MemberView } from '../../../types/contracts/member';
import type { ErrorCode } from '../../../types/errors';
import { PARTY_STATUSES, PARTY_STATUS_LABELS, ROLE_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { ErrorState } from '../../components/ErrorState';
import { InviteCodeEntry } from '../../components/InviteCodeEntry';
import { formerNote } from '../../components/JoinGuide';
import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { readAfterJoin } from '../../services/afterJoin';
import { callFunction } from '../../services/cloud';
import { readInviteCode } from '../../services/invite';
import { useMembership, type Membership } from '../../services/membership';
import { useCloud } from '../../services/useCloud';
import { formatDateTime } from '../../utils/format';
import { goToTab } from '../../utils/tabs';
import './index.css';
import { toast } from '../../utils/toast';
import { FieldErrorLine } from '../../components/FormParts';

/** Han characters, Latin letters, spaces and the middle dot, as the server's personNameSchema allows. */
const NAME_PATTERN = /^[\u3400-\u4dbf\u4e00-\u9fffA-Za-z·・ ]+$/;
const PARTY_STATUS_RANGE = PARTY_STATUSES.map((status) => PARTY_STATUS_LABELS[status]);

type FailureCode = Extract<ErrorCode, 'EXPIRED' | 'FULL' | 'NOT_FOUND' | 'DUPLICATE'>;
const FULL_PAGE_FAILURES: readonly ErrorCode[] = ['EXPIRED', 'FULL', 'NOT_FOUND', 'DUPLICATE'];

const FAILURE_COPY: Record<FailureCode, { title: string; text: string }> = {
  EXPIRED: {
    title: '邀请已过期',
    text: '这份邀请已超过有效期。请联系支部书记在「我的 › 支部管理 › 邀请加入党支部」重新生成邀请，再点开新的邀请链接或扫描新的二维码。',
  },
  FULL: {
    title: '邀请名额已用完',
    text: '这份邀请可加入的人数已满。请联系支部书记重新生成一份邀请，再点开新的邀请。',
  },
  NOT_FOUND: {
    title: '邀请无效',
    text: '没有找到这份邀请，链接可能不完整或已被删除。请向支部书记确认后，重新点开群里的邀请卡片或扫描二维码。',
  },
  DUPLICATE: {
    title: '你已提交过申请',
    text: '无需重复提交。可以查看你的申请状态。',
  },
};

interface StatePanelProps {
  tone: 'ok' | 'wait' | 'problem';
  title: string;
  text: string;
  action?: { label: string; onClick: () => void };
  secondary?: { label: string; onClick: () => void };
}

function StatePanel({ tone, title, text, action, secondary }: StatePanelProps) {
  const icon = tone === 'ok' ? '✓' : tone === 'wait' ? '…' : '!';
  return (
    <View className={`join-state join-state--${tone}`} role={tone === 'problem' ? 'alert' : 'status'}>
      <Text className='join-state__icon'>{icon}</Text>
      <Text className='join-state__title'>{title}</Text>
      <Text className='join-state__text'>{text}</Text>
      {action ? <ActionButton onClick={action.onClick}>{action.label}</ActionButton> : null}
      {secondary ? (
        <View className='join-state__secondary'>
          <ActionButton variant='plain' onClick={secondary.onClick}>
            {secondary.label}
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}

const goHome = () => goToTab('home');

function MemberState({ member }: { member: MemberView }) {
  // Someone who came from a shared activity is offered the way back to it first.
  const afterJoin = readAfterJoin();
  const backToActivity = afterJoin
    ? { label: `回到活动「${afterJoin.title}」`, onClick: () => void Taro.redirectTo({ url: afterJoin.url }) }
    : undefined;
  if (member.status === 'active') {
    return (
      <StatePanel
        tone='ok'
        title={`已加入 ${member.branchName}`}
        text='现在可以报名支部活动、参加知识竞赛和每日一练了。'
        action={backToActivity ?? { label: '进入首页', onClick: goHome }}
        secondary={backToActivity ? { label: '进入首页', onClick: goHome } : undefined}
      />
    );
  }
  return (
    <StatePanel
      tone='wait'
      title='已提交，等待支部书记审核'
      text={`你申请加入「${member.branchName}」。支部书记审核通过后即可参加支部的学习活动，届时打开红途即可看到。`}
      action={backToActivity}
      secondary={{ label: '返回首页', onClick: goHome }}
    />
  );
}

interface Draft {
  name: string;
  partyIndex: number | null;
  phoneTail: string;
}
type FieldErrors = Partial<Record<'name' | 'partyStatus' | 'phoneTail', string>>;

function validate(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (name.length < 2 || name.length > 20) errors.name = '请填写 2–20 个字的真实姓名';
  else if (!NAME_PATTERN.test(name)) errors.name = '姓名只能包含汉字或字母';
  if (draft.partyIndex === null) errors.partyStatus = '请选择政治面貌';
  const tail = draft.phoneTail.trim();
  if (tail && !/^\d{4}$/.test(tail)) errors.phoneTail = '请填写手机号后 4 位数字，或留空';
  return errors;
}

interface JoinFormProps {
  code: string;
  note?: string;
  onSubmitted: (member: MemberView) => void;
  onFailed: (code: FailureCode, message: string) => void;
  onNeedsConsent: () => void;
}

function JoinForm({ code, note, onSubmitted, onFailed, onNeedsConsent }: JoinFormProps) {
  const [draft, setDraft] = useState<Draft>({ name: '', partyIndex: null, phoneTail: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  const update = (patch: Partial<Draft>, field: keyof FieldErrors) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const submit = async () => {
    const problems = validate(draft);
    setErrors(problems);
    const partyStatus = draft.partyIndex === null ? undefined : PARTY_STATUSES[draft.partyIndex];
    if (Object.keys(problems).length > 0 || !partyStatus) return;
    const tail = draft.phoneTail.trim();
    setSubmitting(true);
    const result = await callFunction(
      'member',
      'join',
      {
        code,
        name: draft.name.trim(),
        partyStatus,
        ...(tail ? { phoneTail: tail } : {}),
      },
      { silentError: true },
    );
    setSubmitting(false);
    if (result.ok) {
      onSubmitted(result.data.member);
      return;
    }
    const { code: errorCode, message, field } = result.error;
    if (FULL_PAGE_FAILURES.includes(errorCode)) onFailed(errorCode as FailureCode, message);
    else if (errorCode === 'FORBIDDEN') onNeedsConsent();
    else if (errorCode === 'INVALID_INPUT' && (field === 'name' || field === 'phoneTail' || field === 'partyStatus')) {
      setErrors({ [field]: message });
    } else toast(message);
  };

  return (
    <Section title='填写加入申请' status='ready'>
      <View className='ht-form'>
        {note ? <Text className='ht-form__note'>{note}</Text> : null}
        <View className={`ht-field${errors.name ? ' ht-field--error' : ''}`}>
          <Text className='ht-field__label'>姓名</Text>
          <Input
            className='ht-input'
            name='name'
            value={draft.name}
            maxlength={20}
            placeholder='与组织关系档案一致的真实姓名'
            onInput={(event) => update({ name: event.detail.value }, 'name')}
          />
          <FieldErrorLine message={errors.name} />
        </View>
        <View className={`ht-field${errors.partyStatus ? ' ht-field--error' : ''}`}>
          <Text className='ht-field__label'>政治面貌</Text>
          <Picker
            mode='selector'
            name='partyStatus'
            range={PARTY_STATUS_RANGE}
            value={draft.partyIndex ?? 0}
            onChange={(event) => update({ partyIndex: Number(event.detail.value) }, 'partyStatus')}
          >
            <View className='ht-input'>{draft.partyIndex === null ? '请选择' : PARTY_STATUS_RANGE[draft.partyIndex]}</View>
          </Picker>
          <FieldErrorLine message={errors.partyStatus} />
        </View>
        <View className={`ht-field${errors.phoneTail ? ' ht-field--error' : ''}`}>
          <Text className='ht-field__label'>手机号后四位（选填）</Text>
          <Input
            className='ht-input'
            name='phoneTail'
            type='number'
            value={draft.phoneTail}
            maxlength={4}
            placeholder='便于书记核对同名同志'
            onInput={(event) => update({ phoneTail: event.detail.value }, 'phoneTail')}
          />
          <FieldErrorLine message={errors.phoneTail} />
        </View>
        <Text className='ht-form__note'>只收集以上信息，用于支部书记核对身份。提交后由支部书记审核。</Text>
        <ActionButton loading={submitting} onClick={() => void submit()}>
          提交申请
        </ActionButton>
      </View>
    </Section>
  );
}

type Outcome = { kind: 'submitted'; member: MemberView } | { kind: 'failed'; code: FailureCode; message: string };

/** Who is inviting to which branch, said before anything is asked. */
function InviteIntro({ info, needsConsent }: { info: InviteInfo; needsConsent: boolean }) {
  return (
    <View className='join-intro'>
      <Text className='join-intro__title'>{info.branchName}邀请你加入</Text>
      <Text className='join-intro__text'>
        邀请人：{info.invitedBy.name}（{ROLE_LABELS[info.invitedBy.role]}）· 有效期至 {formatDateTime(info.expiresAt)}
      </Text>
      {needsConsent ? <Text className='join-intro__text'>请先阅读个人信息保护指引，同意后填写姓名和政治面貌即可申请。</Text> : null}
    </View>
  );
}

const INVITE_REFUSALS: readonly ErrorCode[] = ['EXPIRED', 'FULL', 'NOT_FOUND'];

interface InviteLandingProps {
  code: string;
  membership: Extract<Membership, { kind: 'needsConsent' | 'outsider' }>;
  onConsented: () => void;
  onOutcome: (outcome: Outcome) => void;
}

/** The code is checked first: a bad one is refused before any consent or form. */
function InviteLanding({ code, membership, onConsented, onOutcome }: InviteLandingProps) {
  const info = useCloud('member', 'inviteInfo', { code });
  if (info.status === 'loading') {
    return (
      <View className='ht-card'>
        <Skeleton rows={3} />
      </View>
    );
  }
  if (info.status === 'error' || !info.data) {
    const refusal = info.error?.code;
    if (refusal && INVITE_REFUSALS.includes(refusal)) {
      const copy = FAILURE_COPY[refusal as FailureCode];
      return <StatePanel tone='problem' title={copy.title} text={copy.text} action={{ label: '返回首页', onClick: goHome }} />;
    }
    if (refusal === 'RATE_LIMITED') {
      return (
        <StatePanel
          tone='problem'
          title='暂时不能核对邀请'
          text={info.error?.message ?? ''}
          action={{ label: '返回首页', onClick: goHome }}
        />
      );
    }
    return (
      <View className='ht-card'>
        <ErrorState message={info.error?.message ?? '加载失败'} onRetry={info.reload} />
      </View>
    );
  }
  const needsConsent = membership.kind === 'needsConsent';
  return (
    <>
      <InviteIntro info={info.data} needsConsent={needsConsent} />
      {membership.kind === 'needsConsent' ? (
        <PrivacyConsent privacyVersion={membership.privacyVersion} onAccepted={onConsented} />
      ) : (
        <JoinForm
          code={code}
          note={formerNote(membership.former) ?? undefined}
          onSubmitted={(joined) => onOutcome({ kind: 'submitted', member: joined })}
          onFailed={(failure, message) => onOutcome({ kind: 'failed', code: failure, message })}
          onNeedsConsent={onConsented}
        />
      )}
    </>
  );
}

function JoinContent() {
  const { params } = useRouter();
  const [code, setCode] = useState(() => readInviteCode(params));
  const { membership, reload } = useMembership();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const showStatus = () => {
    setOutcome(null);
    reload();
  };

  let body;
  if (outcome?.kind === 'submitted') body = <MemberState member={outcome.member} />;
  else if (outcome?.kind === 'failed') {
    const copy = FAILURE_COPY[outcome.code];
    body =
      outcome.code === 'DUPLICATE' ? (
        <StatePanel
          tone='wait'
          title={copy.title}
          text={`${outcome.message}。${copy.text}`}
          action={{ label: '查看我的状态', onClick: showStatus }}
        />
      ) : (
        <StatePanel tone='problem' title={copy.title} text={copy.text} action={{ label: '返回首页', onClick: goHome }} />
      );
  } else if (membership.kind === 'loading') {
    body = (
      <View className='ht-card'>
        <Skeleton rows={3} />
      </View>
    );
  } else if (membership.kind === 'unavailable') {
    body = (
      <View className='ht-card'>
        <ErrorState message={membership.message} onRetry={reload} />
      </View>
    );
  } else if (membership.kind === 'active' || membership.kind === 'pending') {
    body = <MemberState member={membership.member} />;
  } else if (!code) {
    body = (
      <View className='ht-card'>
        <Text className='ht-card__title'>输入邀请码</Text>
        <Text className='ht-card__text'>邀请码是支部书记生成的 8 位字母和数字，在书记分享的邀请卡片或二维码旁边可以找到。</Text>
        <InviteCodeEntry onCode={setCode} />
      </View>
    );
  } else {
    body = <InviteLanding key={code} code={code} membership={membership} onConsented={reload} onOutcome={setOutcome} />;
  }

  return <View className='ht-page__body'>{body}</View>;
}

export default function JoinPage() {
  return (
    <PageShell>
      <JoinContent />
    </PageShell>
  );
}
