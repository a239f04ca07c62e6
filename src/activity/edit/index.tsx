import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { ActivityDetail } from '../../../types/contracts/activity';
import type { MemberView } from '../../../types/contracts/member';
import type { AppError } from '../../../types/result';
import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABELS,
  ACTIVITY_STATUS_LABELS,
  PROGRAMME_ITEM_KEYS,
  PROGRAMME_ITEM_LABELS,
} from '../../../types/labels';
import { BranchListPending } from '../../components/BranchListPending';
import { ActionButton } from '../../components/ActionButton';
import { Empty } from '../../components/Empty';
import { LoadingOrFailed } from '../../components/LoadingOrFailed';
import {
  Chips,
  DateTimeField,
  Field,
  FormError,
  FormSection,
  InputField,
  ReasonField,
  SwitchRow,
  TextareaField,
  useReasonField,
} from '../../components/FormParts';
import { ManagerGate } from '../../components/ManagerGate';
import { PageShell } from '../../components/PageShell';
import { useFormFields } from '../../components/useFormFields';
import { callFunction } from '../../services/cloud';
import { fieldMessage } from '../../services/fieldError';
import { useOrgBranches } from '../../services/orgBranches';
import { useCloud } from '../../services/useCloud';
import { toast } from '../../utils/toast';
import { activityDetailUrl } from '../routes';
import { BasePicker } from './BasePicker';
import { CoverPicker } from './CoverPicker';
import { buildDraft, errorSlot, formFromActivity, initialForm, type ActivityForm } from './form';
import '../activity.css';

const KIND_OPTIONS = ACTIVITY_KINDS.map((kind) => ({ value: kind, label: ACTIVITY_KIND_LABELS[kind] }));
const NOT_COUNTED = 'none';
const COUNTS_FOR_OPTIONS = [
  { value: NOT_COUNTED, label: '不计入' },
  ...PROGRAMME_ITEM_KEYS.map((key) => ({ value: key, label: PROGRAMME_ITEM_LABELS[key] })),
];

function AudienceBranches({ selected, error, onToggle }: { selected: string[]; error?: string; onToggle: (id: string) => void }) {
  const tree = useOrgBranches();
  if (tree.status !== 'ready') return <BranchListPending tree={tree} />;
  return (
    <Field label='参加的党支部' error={error}>
      <Chips
        role='checkbox'
        label='参加的党支部'
        options={tree.branches.map((branch) => ({ value: branch.id, label: branch.name }))}
        isSelected={(id) => selected.includes(id)}
        onToggle={onToggle}
      />
    </Field>
  );
}

interface CancelPanelProps {
  activity: ActivityDetail;
  onCancelled: () => void;
}

/** Cancelling keeps the activity and its sign-ups; everyone signed up is told, with the reason. */
function CancelPanel({ activity, onCancelled }: CancelPanelProps) {
  const [open, setOpen] = useState(false);
  const reason = useReasonField('请写明取消原因，会告知已报名的同志');
  const [sending, setSending] = useState(false);

  if (!open) {
    return (
      <View className='activity-actions'>
        <ActionButton variant='plain' onClick={() => setOpen(true)}>
          取消活动
        </ActionButton>
      </View>
    );
  }

  const submit = async () => {
    const trimmed = reason.checked();
    if (trimmed === null) return;
    const { confirm } = await Taro.showModal({
      title: '取消活动',
      content: `取消后不能恢复，已报名的 ${activity.signedUpCount} 位同志会收到通知。`,
      confirmText: '取消活动',
      cancelText: '再想想',
      confirmColor: '#C8161D',
    });
    if (!confirm) return;
    setSending(true);
    const result = await callFunction('activity', 'cancel', { id: activity.id, reason: trimmed }, { silentError: true });
    setSending(false);
    if (result.ok) {
      toast(`活动已取消，已通知 ${result.data.notified} 人`);
      onCancelled();
    } else if (result.error.code === 'INVALID_INPUT' && result.error.field === 'reason') {
      reason.setError(fieldMessage(result.error));
    } else {
      toast(result.error.message);
    }
  };

  return (
    <FormSection title='取消活动'>
      <ReasonField label='取消原因' name='cancelReason' placeholder='如：因天气原因延期，另行通知' {...reason.field} />
      <View className='activity-actions'>
        <ActionButton loading={sending} onClick={() => void submit()}>
          确认取消活动
        </ActionButton>
        <ActionButton variant='plain' onClick={() => setOpen(false)}>
          不取消了
        </ActionButton>
      </View>
    </FormSection>
  );
}

interface ActivityFormViewProps {
  organiser: MemberView;
  /** null while creating; the saved activity once it exists. */
  saved: ActivityDetail | null;
}

function ActivityFormView({ organiser, saved: loaded }: ActivityFormViewProps) {
  const [saved, setSaved] = useState<ActivityDetail | null>(loaded);
  const { form, errors, setErrors, update } = useFormFields<ActivityForm>(() =>
    loaded ? formFromActivity(loaded, Date.now()) : initialForm(Date.now()),
  );
  const [coverPreview, setCoverPreview] = useState<string | null>(loaded?.coverUrl ?? null);
  const [coverUploading, setCoverUploading] = useState(false);
  const [changeNote, setChangeNote] = useState('');
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const busyRef = useRef(false);
  const orgWide = organiser.role === 'org_admin';

  /** Saves the form (create, or update with the change note); null when it was refused. */
  const save = async (): Promise<{ activity: ActivityDetail; notified: number } | null> => {
    const built = buildDraft(form, organiser);
    if (!built.draft) {
      setErrors(built.errors);
      toast('请修改标红的内容');
      return null;
    }
    setErrors({});
    const refused = (error: AppError): null => {
      // A cover gone from storage comes back NOT_FOUND with its field: it belongs under the cover too.
      if ((error.code === 'INVALID_INPUT' || error.code === 'NOT_FOUND') && error.field) {
        setErrors({ [errorSlot(error.field)]: fieldMessage(error) });
        toast('请修改标红的内容');
      } else {
        toast(error.message);
      }
      return null;
    };
    if (!saved) {
      const created = await callFunction('activity', 'create', built.draft, { silentError: true });
      if (!created.ok) return refused(created.error);
      setSaved(created.data.activity);
      return { activity: created.data.activity, notified: 0 };
    }
    const note = changeNote.trim();
    const updated = await callFunction(
      'activity',
      'update',
      { id: saved.id, draft: built.draft, ...(note ? { reason: note } : {}) },
      { silentError: true },
    );
    if (!updated.ok) return refused(updated.error);
    setSaved(updated.data.activity);
    setChangeNote('');
    return updated.data;
  };

  const run = async (action: 'save' | 'publish') => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(action);
    const outcome = await save();
    if (outcome && action === 'save') {
      if (outcome.notified > 0) toast(`已保存，已通知 ${outcome.notified} 位报名的同志`);
      else toast('已保存', 'success');
    }
    if (outcome && action === 'publish') {
      const published = await callFunction('activity', 'publish', { id: outcome.activity.id });
      if (published.ok) {
        toast('已发布', 'success');
        void Taro.redirectTo({ url: activityDetailUrl(outcome.activity.id) });
      }
    }
    busyRef.current = false;
    setBusy(null);
  };

  const status = saved?.status ?? 'draft';
  if (status === 'cancelled' || status === 'finished') {
    return (
      <View className='ht-section'>
        <Empty title={`活动${ACTIVITY_STATUS_LABELS[status]}`} description='已取消或已结束的活动不能再修改' />
      </View>
    );
  }

  return (
    <View className='activity-form'>
      {saved ? (
        <View className='activity-form__status' role='status'>
          <Text>当前状态：{ACTIVITY_STATUS_LABELS[saved.status]}</Text>
        </View>
      ) : null}
      <FormSection title='活动内容'>
        <Field label='活动类型' error={errors.kind}>
          <Chips
            role='radio'
            label='活动类型'
            options={KIND_OPTIONS}
            isSelected={(kind) => form.kind === kind}
            onToggle={(kind) => update({ kind }, 'kind')}
          />
        </Field>
        <InputField
          label='活动标题'
          error={errors.title}
          name='title'
          value={form.title}
          maxlength={40}
          placeholder='2–40 个字，如：重温入党誓词主题党日'
          onChange={(value) => update({ title: value }, 'title')}
        />
        <TextareaField
          label='活动介绍（选填）'
          error={errors.description}
          name='description'
          value={form.description}
          maxlength={2000}
          placeholder='议程、要求、需携带的材料等'
          onChange={(value) => update({ description: value }, 'description')}
        />
        <CoverPicker
          previewUrl={coverPreview}
          error={errors.coverFileId}
          onUploadingChange={setCoverUploading}
          onUploaded={(fileId, previewUrl) => {
            setCoverPreview(previewUrl);
            update({ coverFileId: fileId }, 'coverFileId');
          }}
          onRemoved={() => {
            setCoverPreview(null);
            update({ coverFileId: null }, 'coverFileId');
          }}
        />
        <SwitchRow
          title='线上活动'
          description='线上活动不限地点，流动党员也可参加'
          checked={form.online}
          onChange={(online) => update(online ? { online, baseId: null } : { online }, 'place')}
        />
        <Field label={form.online ? '参加方式' : '活动地点'} error={errors.place}>
          <Input
            className='ht-input'
            name='place'
            value={form.place}
            maxlength={60}
            placeholder={form.online ? '如：腾讯会议 123 456 789' : '如：道县陈树湘党性教育基地'}
            onInput={(event) => update({ place: event.detail.value, baseId: null }, 'place')}
          />
          {form.online ? null : (
            <BasePicker
              linkedName={form.baseId ? form.place : null}
              onPick={(base) => update({ baseId: base.id, place: base.name }, 'place')}
              onUnlink={() => update({ baseId: null }, 'place')}
            />
          )}
        </Field>
      </FormSection>

      <FormSection title='时间'>
        <DateTimeField
          label='开始'
          name='start'
          date={form.startDate}
          time={form.startTime}
          error={errors.startAt}
          onDate={(value) => update({ startDate: value }, 'startAt', 'endAt', 'signUpDeadline')}
          onTime={(value) => update({ startTime: value }, 'startAt', 'endAt', 'signUpDeadline')}
        />
        <DateTimeField
          label='结束'
          name='end'
          date={form.endDate}
          time={form.endTime}
          error={errors.endAt}
          onDate={(value) => update({ endDate: value }, 'endAt')}
          onTime={(value) => update({ endTime: value }, 'endAt')}
        />
        <DateTimeField
          label='报名截止'
          name='deadline'
          date={form.deadlineDate}
          time={form.deadlineTime}
          error={errors.signUpDeadline}
          onDate={(value) => update({ deadlineDate: value }, 'signUpDeadline', 'signUpOpensAt')}
          onTime={(value) => update({ deadlineTime: value }, 'signUpDeadline', 'signUpOpensAt')}
        />
        <SwitchRow
          title='定时开放报名'
          description='关闭时发布后即可报名'
          checked={form.opensLater}
          onChange={(opensLater) => update({ opensLater }, 'signUpOpensAt')}
        />
        {form.opensLater ? (
          <DateTimeField
            label='报名开始'
            name='opens'
            date={form.opensDate}
            time={form.opensTime}
            error={errors.signUpOpensAt}
            onDate={(value) => update({ opensDate: value }, 'signUpOpensAt')}
            onTime={(value) => update({ opensTime: value }, 'signUpOpensAt')}
          />
        ) : null}
      </FormSection>

      <FormSection title='报名'>
        <InputField
          label='名额（选填）'
          error={errors.capacity}
          hint='留空为不限名额'
          name='capacity'
          type='number'
          value={form.capacity}
          placeholder='不限'
          onChange={(value) => update({ capacity: value }, 'capacity')}
        />
        <SwitchRow
          title='名额满后可候补'
          description='有人取消时按报名先后自动递补，并通知递补的同志'
          checked={form.waitlist}
          onChange={(waitlist) => update({ waitlist })}
        />
        {orgWide ? (
          <>
            <SwitchRow
              title='全部党支部'
              description='关闭后只有选中的党支部可以看到和报名'
              checked={form.audienceAll}
              onChange={(audienceAll) => update({ audienceAll }, 'audienceBranchIds')}
            />
            {form.audienceAll ? null : (
              <AudienceBranches
                selected={form.audienceBranchIds}
                error={errors.audienceBranchIds}
                onToggle={(id) =>
                  update(
                    {
                      audienceBranchIds: form.audienceBranchIds.includes(id)
                        ? form.audienceBranchIds.filter((chosen) => chosen !== id)
                        : [...form.audienceBranchIds, id],
                    },
                    'audienceBranchIds',
                  )
                }
              />
            )}
          </>
        ) : (
          <Field label='参加的党支部' error={errors.audienceBranchIds}>
            <Text className='ht-field__value'>{organiser.branchName}</Text>
          </Field>
        )}
      </FormSection>

      <FormSection title='学习记录'>
        <Field label='计入“六个一”' error={errors.countsFor}>
          <Chips
            role='radio'
            label='计入“六个一”'
            options={COUNTS_FOR_OPTIONS}
            isSelected={(value) => (form.countsFor ?? NOT_COUNTED) === value}
            onToggle={(value) => update({ countsFor: value === NOT_COUNTED ? null : (value as ActivityForm['countsFor']) }, 'countsFor')}
          />
        </Field>
        <InputField
          label='学时（选填）'
          error={errors.studyHours}
          hint='参加后记入的学时，以 0.5 为单位'
          name='studyHours'
          type='digit'
          value={form.studyHours}
          placeholder='不计学时'
          onChange={(value) => update({ studyHours: value }, 'studyHours')}
        />
      </FormSection>

      {saved?.status === 'published' ? (
        <FormSection title='变更说明'>
          <TextareaField
            label='变更原因（选填）'
            error={errors.reason}
            hint='修改时间或地点后，已报名的同志会收到通知'
            name='changeNote'
            value={changeNote}
            maxlength={200}
            placeholder='如：因场地调整，改在党员活动室'
            onChange={(value) => {
              setChangeNote(value);
              setErrors(({ reason: _cleared, ...rest }) => rest);
            }}
          />
        </FormSection>
      ) : null}

      <FormError message={errors._form} />
      <View className='activity-actions'>
        {status === 'draft' ? (
          <ActionButton loading={busy === 'publish'} disabled={busy !== null || coverUploading} onClick={() => void run('publish')}>
            保存并发布
          </ActionButton>
        ) : null}
        <ActionButton
          variant={status === 'draft' ? 'plain' : 'primary'}
          loading={busy === 'save'}
          disabled={busy !== null || coverUploading}
          onClick={() => void run('save')}
        >
          {status === 'draft' ? '保存草稿' : '保存修改'}
        </ActionButton>
      </View>
      {saved ? <CancelPanel activity={saved} onCancelled={() => void Taro.redirectTo({ url: activityDetailUrl(saved.id) })} /> : null}
    </View>
  );
}

function EditContent({ organiser }: { organiser: MemberView }) {
  const { params } = useRouter();
  if (!params.id) return <ActivityFormView organiser={organiser} saved={null} />;
  return <ExistingActivity id={params.id} organiser={organiser} />;
}

function ExistingActivity({ id, organiser }: { id: string; organiser: MemberView }) {
  const detail = useCloud('activity', 'detail', { id });
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '编辑活动' });
  }, []);
  if (detail.status !== 'ready' || !detail.data) {
    return <LoadingOrFailed loading={detail.status === 'loading'} message={detail.error?.message} onRetry={detail.reload} />;
  }
  if (!detail.data.activity.can.manage) {
    return (
      <View className='ht-section'>
        <Empty title='不能修改这个活动' description='只有发起活动的支部书记和组织部可以修改' />
      </View>
    );
  }
  return <ActivityFormView organiser={organiser} saved={detail.data.activity} />;
}

export default function ActivityEditPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ManagerGate deniedDescription='党员可以在「活动」中报名支部发布的活动'>
          {(organiser) => <EditContent organiser={organiser} />}
        </ManagerGate>
      </View>
    </PageShell>
  );
}
