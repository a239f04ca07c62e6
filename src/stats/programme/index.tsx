import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ProgrammeView } from '../../../types/contracts/stats';
import {
  ACTIVITY_KIND_LABELS,
  PROGRAMME_ITEM_KEYS,
  STORY_KIND_LABELS,
  STORY_KINDS,
  type ActivityKind,
  type StoryKind,
} from '../../../types/labels';
import type { AppError, Result } from '../../../types/result';
import { ActionButton } from '../../components/ActionButton';
import { ErrorState } from '../../components/ErrorState';
import { Field, FormError, FormSection, InputField } from '../../components/FormParts';
import { ManagerGate } from '../../components/ManagerGate';
import { PageShell } from '../../components/PageShell';
import { Skeleton } from '../../components/Skeleton';
import { useFormFields } from '../../components/useFormFields';
import { callFunction } from '../../services/cloud';
import { toast } from '../../utils/toast';
import { POINT_RULE_LABELS } from '../labels';
import { BasicsFields } from '../parts';
import { findInPages, useRecord } from '../records';
import { useSaveForm } from '../useSaveForm';
import { PROGRAMMES_URL } from '../routes';
import { DateField } from './DateField';
import {
  buildProgramme,
  DEFAULT_QUOTA_SOURCE,
  errorField,
  formFromProgramme,
  initialForm,
  QUOTA_ACTIVITY_KINDS,
  quotaKey,
  type FormErrors,
  type ItemForm,
  type ProgrammeForm,
  type QuotaForm,
} from './form';
import { ItemEditor } from './ItemEditor';
import '../stats.css';

/** A quota counts approved works of a kind or activities of a kind held; one picker lists both. */
const QUOTA_SOURCES: Array<{ source: QuotaForm['source']; label: string }> = [
  ...STORY_KINDS.map((kind: StoryKind) => ({ source: { type: 'story' as const, kind }, label: `投稿：${STORY_KIND_LABELS[kind]}` })),
  ...QUOTA_ACTIVITY_KINDS.map((kind: ActivityKind) => ({
    source: { type: 'activity' as const, kind },
    label: `开展活动：${ACTIVITY_KIND_LABELS[kind]}`,
  })),
];

function sourceIndex(source: QuotaForm['source']): number {
  return Math.max(
    QUOTA_SOURCES.findIndex((option) => option.source.type === source.type && option.source.kind === source.kind),
    0,
  );
}

function QuotaEditor({
  quota,
  index,
  errors,
  onChange,
  onRemove,
}: {
  quota: QuotaForm;
  index: number;
  errors: FormErrors;
  onChange: (patch: Partial<QuotaForm>, ...clears: string[]) => void;
  onRemove: () => void;
}) {
  const field = (name: string) => `quotas.${index}.${name}`;
  return (
    <View className='stats-quota-editor' role='group' aria-label={`支部任务 ${index + 1}`}>
      <InputField
        label='任务名称'
        name={field('label')}
        value={quota.label}
        error={errors[field('label')]}
        maxlength={40}
        placeholder='如：报送党课视频'
        onChange={(label) => onChange({ label }, field('label'))}
      />
      <Field label='计数来源'>
        <Picker
          mode='selector'
          name={field('source')}
          range={QUOTA_SOURCES.map((option) => option.label)}
          value={sourceIndex(quota.source)}
          onChange={(event) => onChange({ source: QUOTA_SOURCES[Number(event.detail.value)]?.source ?? quota.source })}
        >
          <View className='ht-input'>{QUOTA_SOURCES[sourceIndex(quota.source)]?.label}</View>
        </Picker>
      </Field>
      <InputField
        label='每个支部至少（件/次）'
        name={field('count')}
        type='number'
        value={quota.count}
        error={errors[field('count')]}
        onChange={(count) => onChange({ count }, field('count'))}
      />
      <ActionButton size='small' variant='plain' onClick={onRemove}>
        删除这项任务
      </ActionButton>
    </View>
  );
}

function ProgrammeFormView({ initial, programmeId }: { initial: ProgrammeForm; programmeId: string | null }) {
  const { form, errors, setErrors, update } = useFormFields(initial);
  const { saving, save } = useSaveForm({
    build: () => buildProgramme(form),
    send: (draft): Promise<Result<{ programme: ProgrammeView }>> =>
      programmeId
        ? callFunction('stats', 'updateProgramme', { id: programmeId, programme: draft }, { silentError: true })
        : callFunction('stats', 'createProgramme', { programme: draft }, { silentError: true }),
    slotOf: (field) =>
      errorField(
        field,
        PROGRAMME_ITEM_KEYS.filter((key) => form.items[key].enabled),
      ),
    setErrors,
    onSaved: () => {
      toast(programmeId ? '已保存修改' : '方案已创建', 'success');
      Taro.navigateBack().catch(() => Taro.redirectTo({ url: PROGRAMMES_URL }));
    },
  });

  const updateItem = (key: keyof ProgrammeForm['items'], patch: Partial<ItemForm>, ...clears: string[]) =>
    update({ items: { ...form.items, [key]: { ...form.items[key], ...patch } } }, ...clears);
  const updateQuota = (index: number, patch: Partial<QuotaForm>, ...clears: string[]) =>
    update({ quotas: form.quotas.map((quota, at) => (at === index ? { ...quota, ...patch } : quota)) }, ...clears);
  const addQuota = () =>
    update({
      quotas: [
        ...form.quotas,
        {
          key: quotaKey(
            DEFAULT_QUOTA_SOURCE,
            form.quotas.map((quota) => quota.key),
          ),
          label: '',
          source: DEFAULT_QUOTA_SOURCE,
          count: '1',
        },
      ],
    });
  const removeQuota = async (index: number) => {
    const { confirm } = await Taro.showModal({
      title: '删除支部任务',
      content: '删除后各支部不再按这项任务统计。',
      confirmColor: '#C8161D',
    });
    if (confirm) update({ quotas: form.quotas.filter((_, at) => at !== index) });
  };

  return (
    <View className='ht-page__body'>
      <FormSection title='基本信息'>
        <BasicsFields form={form} errors={errors} update={update} />
        <DateField
          label='开始日期'
          name='startDate'
          value={form.startDate}
          error={errors.startsAt}
          onChange={(startDate) => update({ startDate }, 'startsAt', 'endsAt')}
        />
        <DateField
          label='结束日期'
          name='endDate'
          value={form.endDate}
          error={errors.endsAt}
          hint='当天 24:00 结束'
          onChange={(endDate) => update({ endDate }, 'endsAt')}
        />
      </FormSection>

      <FormSection title='党员完成的项目'>
        <FormError message={errors.items} />
        {PROGRAMME_ITEM_KEYS.map((key) => (
          <ItemEditor
            key={key}
            itemKey={key}
            item={form.items[key]}
            errors={errors}
            onChange={(patch, ...clears) => updateItem(key, patch, ...clears)}
          />
        ))}
      </FormSection>

      <FormSection title='学时'>
        <InputField
          label='每名党员的学时目标（选填）'
          name='studyHoursTarget'
          type='digit'
          value={form.studyHoursTarget}
          error={errors.studyHoursTarget}
          hint='不设目标就留空'
          onChange={(studyHoursTarget) => update({ studyHoursTarget }, 'studyHoursTarget')}
        />
      </FormSection>

      <FormSection title='支部任务（选填）'>
        {form.quotas.length === 0 ? <Text className='stats-note'>如：每个支部至少报送 1 个党课视频</Text> : null}
        {form.quotas.map((quota, index) => (
          <QuotaEditor
            key={quota.key}
            quota={quota}
            index={index}
            errors={errors}
            onChange={(patch, ...clears) => updateQuota(index, patch, ...clears)}
            onRemove={() => void removeQuota(index)}
          />
        ))}
        <ActionButton size='small' variant='plain' onClick={addQuota}>
          添加支部任务
        </ActionButton>
      </FormSection>

      <FormSection title='积分规则（每次得分）'>
        {(Object.keys(POINT_RULE_LABELS) as Array<keyof typeof POINT_RULE_LABELS>).map((rule) => (
          <InputField
            key={rule}
            label={POINT_RULE_LABELS[rule]}
            name={`points.${rule}`}
            type='number'
            value={form.points[rule]}
            error={errors[`points.${rule}`]}
            onChange={(value) => update({ points: { ...form.points, [rule]: value } }, `points.${rule}`)}
          />
        ))}
      </FormSection>

      <FormError message={errors._form} />
      <ActionButton loading={saving} onClick={() => void save()}>
        {programmeId ? '保存修改' : '创建方案'}
      </ActionButton>
    </View>
  );
}

/** There is no single-programme read: the list (newest first, rarely more than a page) holds it. */
function findProgramme(id: string): Promise<Result<ProgrammeView | null>> {
  return findInPages((cursor) => callFunction('stats', 'programmes', { pageSize: 50, cursor }, { silentError: true }), id);
}

const MISSING: AppError = { code: 'NOT_FOUND', message: '方案不存在或已被删除' };

function EditProgramme({ id }: { id: string }) {
  const { state, reload } = useRecord(() => findProgramme(id), id, MISSING);
  if (state.status === 'loading') {
    return (
      <View className='ht-card'>
        <Skeleton rows={6} />
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className='ht-card'>
        <ErrorState message={state.error.message} onRetry={reload} />
      </View>
    );
  }
  return <ProgrammeFormView initial={formFromProgramme(state.data, Date.now())} programmeId={id} />;
}

/** 新建 / 编辑学习活动方案 (org admins). */
export default function ProgrammeEditPage() {
  const { id } = useRouter().params;
  return (
    <PageShell>
      <ManagerGate orgAdminOnly deniedDescription='学习活动方案由组织部制定。'>
        {() => (id ? <EditProgramme id={id} /> : <ProgrammeFormView initial={initialForm(Date.now())} programmeId={null} />)}
      </ManagerGate>
    </PageShell>
  );
}
