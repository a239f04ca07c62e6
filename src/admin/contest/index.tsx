import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { AdminContest, CreateContestInput } from '../../../types/contracts/quiz';
import type { AppError, Result } from '../../../types/result';
import { ActionButton } from '../../components/ActionButton';
import { ErrorState } from '../../components/ErrorState';
import {
  Chips,
  DateTimeField,
  Field,
  FieldErrorLine,
  FormError,
  FormSection,
  InputField,
  SwitchRow,
  TextareaField,
} from '../../components/FormParts';
import { PageShell } from '../../components/PageShell';
import { useFormFields } from '../../components/useFormFields';
import { Skeleton } from '../../components/Skeleton';
import { callFunction } from '../../services/cloud';
import { fieldMessage } from '../../services/fieldError';
import { useCloud } from '../../services/useCloud';
import { goToTab } from '../../utils/tabs';
import { toast } from '../../utils/toast';
import { CATEGORIES, DIFFICULTY_LABELS } from '../categories';
import {
  buildInput,
  draftFromContest,
  errorSlot,
  initialDraft,
  newRule,
  totalQuestions,
  type ContestDraft,
  type FieldErrors,
  type RuleDraft,
} from './form';
import { showPublished } from './published';
import '../admin.css';
import './contest.css';

const CATEGORY_RANGE = ['不限分类', ...CATEGORIES];
const DIFFICULTY_RANGE = ['不限难度', ...([1, 2, 3] as const).map((level) => `难度：${DIFFICULTY_LABELS[level]}`)];
const MAX_RULES = 20;
const COUNTS_OPTIONS = [
  { value: 'best', label: '最高一次' },
  { value: 'latest', label: '最后一次' },
] as const;
const PACE_OPTIONS = [
  { value: 'whole', label: '整卷限时' },
  { value: 'perQuestion', label: '逐题限时' },
] as const;
const REVIEW_OPTIONS = [
  { value: 'afterEachAttempt', label: '每次交卷后可看解析' },
  { value: 'afterClose', label: '竞赛结束后公布' },
] as const;

/** Several attempts with answers after each would leak them to the next try: the policy follows the count. */
function withAttempts(draft: ContestDraft, attemptsAllowed: string): Partial<ContestDraft> {
  const several = Number(attemptsAllowed) > 1;
  return several && draft.review === 'afterEachAttempt' ? { attemptsAllowed, review: 'afterClose' } : { attemptsAllowed };
}

/** A contest that has not opened yet, being edited; null for a new one. */
interface Editing {
  contestId: string;
  status: 'draft' | 'upcoming';
}

type SaveMode = 'draft' | 'publish';

/**
 * One save: a new contest is created (as a draft or published); an edited draft is updated as a
 * draft and, to publish it, then published; an upcoming contest is updated and stays published.
 */
async function saveContest(input: CreateContestInput, editing: Editing | null, mode: SaveMode): Promise<Result<{ questionCount: number }>> {
  if (!editing) return callFunction('quiz', 'createContest', input, { silentError: true });
  const updated = await callFunction('quiz', 'updateContest', { ...input, contestId: editing.contestId }, { silentError: true });
  if (!updated.ok || editing.status !== 'draft' || mode !== 'publish') return updated;
  const published = await callFunction('quiz', 'publishContest', { contestId: editing.contestId }, { silentError: true });
  return published.ok ? updated : published;
}

interface RuleRowProps {
  index: number;
  rule: RuleDraft;
  error?: string;
  removable: boolean;
  onChange: (patch: Partial<RuleDraft>) => void;
  onRemove: () => void;
}

function RuleRow({ index, rule, error, removable, onChange, onRemove }: RuleRowProps) {
  return (
    <View className={`admin-rule${error ? ' admin-rule--error' : ''}`}>
      <View className='admin-rule__head'>
        <Text className='admin-rule__title'>规则 {index + 1}</Text>
        {removable ? (
          <Text className='admin-rule__remove' onClick={onRemove}>
            删除
          </Text>
        ) : null}
      </View>
      <View className='admin-rule__controls'>
        <Picker
          mode='selector'
          name={`rules.${index}.category`}
          range={CATEGORY_RANGE}
          value={rule.category}
          onChange={(event) => onChange({ category: Number(event.detail.value) })}
        >
          <View className='ht-input'>{CATEGORY_RANGE[rule.category]}</View>
        </Picker>
        <Picker
          mode='selector'
          name={`rules.${index}.difficulty`}
          range={DIFFICULTY_RANGE}
          value={rule.difficulty}
          onChange={(event) => onChange({ difficulty: Number(event.detail.value) as RuleDraft['difficulty'] })}
        >
          <View className='ht-input'>{DIFFICULTY_RANGE[rule.difficulty]}</View>
        </Picker>
        <View className='admin-rule__count'>
          <Input
            className='ht-input admin-rule__count-input'
            name={`rules.${index}.count`}
            type='number'
            value={rule.count}
            placeholder='题数'
            onInput={(event) => onChange({ count: event.detail.value })}
          />
          <Text className='admin-rule__unit'>题</Text>
        </View>
      </View>
      <FieldErrorLine message={error} />
    </View>
  );
}

function ContestForm({ initial, editing }: { initial: ContestDraft; editing: Editing | null }) {
  const { form: draft, setForm: setDraft, errors, setErrors, update } = useFormFields<ContestDraft>(initial);
  const [submitting, setSubmitting] = useState<SaveMode | null>(null);
  const submittingRef = useRef(false);

  const updateRule = (index: number, patch: Partial<RuleDraft>) => {
    setDraft((previous) => ({
      ...previous,
      rules: previous.rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)),
    }));
    setErrors((previous) => {
      const next = { ...previous };
      delete next[`rules.${index}`];
      delete next.rules;
      return next;
    });
  };

  /** Rule errors are keyed by position, so removing a row drops them all rather than mislabel one. */
  const clearRuleErrors = () =>
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([key]) => !key.startsWith('rules'))));

  const addRule = () => {
    setDraft((previous) => ({ ...previous, rules: [...previous.rules, newRule('5')] }));
    clearRuleErrors();
  };

  const removeRule = (index: number) => {
    setDraft((previous) => ({ ...previous, rules: previous.rules.filter((_, at) => at !== index) }));
    clearRuleErrors();
  };

  const submit = async (mode: SaveMode) => {
    if (submittingRef.current) return;
    // A draft stays one until `publishContest`; an upcoming contest is published and stays so.
    const asDraft = editing ? editing.status === 'draft' : mode === 'draft';
    const built = buildInput(draft, { asDraft });
    if (!built.input) {
      setErrors(built.errors);
      toast('请修改标红的内容');
      return;
    }
    setErrors({});
    submittingRef.current = true;
    setSubmitting(mode);
    const result = await saveContest(built.input, editing, mode);
    submittingRef.current = false;
    setSubmitting(null);
    if (!result.ok) {
      showSaveError(result.error, setErrors);
      return;
    }
    if (mode === 'publish' && editing?.status !== 'upcoming') {
      await showPublished({
        ...built.input,
        audienceBranchIds: built.input.audienceBranchIds ?? null,
        questionCount: result.data.questionCount,
      });
    } else {
      toast(mode === 'draft' && editing?.status !== 'upcoming' ? '草稿已保存' : '已保存修改', 'success');
    }
    // Opened straight from a link there is no page to go back to; the 我的 tab holds the workbench.
    Taro.navigateBack().catch(() => goToTab('me'));
  };

  const total = totalQuestions(draft);
  const points = Number(draft.pointsPerQuestion) || 0;

  return (
    <View className='ht-page__body admin-form'>
      <FormSection title='基本信息'>
        <InputField
          label='竞赛标题'
          error={errors.title}
          name='title'
          value={draft.title}
          maxlength={40}
          placeholder='4–40 个字，如“学党史 知党恩”知识竞赛'
          onChange={(value) => update({ title: value }, 'title')}
        />
        <TextareaField
          label='竞赛说明（选填）'
          error={errors.description}
          name='description'
          value={draft.description}
          maxlength={500}
          placeholder='参赛范围、奖励办法等，最多 500 字'
          onChange={(value) => update({ description: value }, 'description')}
        />
      </FormSection>

      <FormSection title='开放时间'>
        <DateTimeField
          label='开始'
          name='start'
          date={draft.startDate}
          time={draft.startTime}
          error={errors.startAt}
          onDate={(value) => update({ startDate: value }, 'startAt', 'endAt')}
          onTime={(value) => update({ startTime: value }, 'startAt', 'endAt')}
        />
        <DateTimeField
          label='结束'
          name='end'
          date={draft.endDate}
          time={draft.endTime}
          error={errors.endAt}
          onDate={(value) => update({ endDate: value }, 'endAt')}
          onTime={(value) => update({ endTime: value }, 'endAt')}
        />
      </FormSection>

      <FormSection title='抽题规则'>
        <Text className='admin-form__note'>每位党员开始答题时按规则从题库随机抽题；分类、难度不限时从全部题目中抽。</Text>
        {draft.rules.map((rule, index) => (
          <RuleRow
            key={rule.key}
            index={index}
            rule={rule}
            error={errors[`rules.${index}`]}
            removable={draft.rules.length > 1}
            onChange={(patch) => updateRule(index, patch)}
            onRemove={() => removeRule(index)}
          />
        ))}
        <FieldErrorLine message={errors.rules} />
        {draft.rules.length < MAX_RULES ? (
          <View className='admin-form__add'>
            <ActionButton variant='plain' size='small' onClick={addRule}>
              ＋ 添加规则
            </ActionButton>
          </View>
        ) : null}
        <Text className='admin-form__total'>
          共 {total} 题，满分 {total * points} 分
        </Text>
      </FormSection>

      <FormSection title='计分与作答'>
        <InputField
          label='每题分值'
          error={errors.pointsPerQuestion}
          name='pointsPerQuestion'
          type='number'
          value={draft.pointsPerQuestion}
          onChange={(value) => update({ pointsPerQuestion: value }, 'pointsPerQuestion')}
        />
        <Field label='答题方式' error={errors.pace}>
          <Chips
            role='radio'
            label='答题方式'
            options={PACE_OPTIONS}
            isSelected={(value) => draft.pace === value}
            onToggle={(value) => update({ pace: value }, 'pace', 'timeLimitSec', 'secondsPerQuestion')}
          />
        </Field>
        {draft.pace === 'whole' ? (
          <InputField
            label='答题时限（分钟）'
            error={errors.timeLimitSec}
            name='timeLimitMinutes'
            type='number'
            value={draft.timeLimitMinutes}
            onChange={(value) => update({ timeLimitMinutes: value }, 'timeLimitSec')}
          />
        ) : (
          <InputField
            label='每题限时（秒）'
            error={errors.secondsPerQuestion}
            hint='服务器一次只发一题，超时未答按未作答计'
            name='secondsPerQuestion'
            type='number'
            value={draft.secondsPerQuestion}
            onChange={(value) => update({ secondsPerQuestion: value }, 'secondsPerQuestion')}
          />
        )}
        <InputField
          label='每人可答次数'
          error={errors.attemptsAllowed}
          name='attemptsAllowed'
          type='number'
          value={draft.attemptsAllowed}
          onChange={(value) => update(withAttempts(draft, value), 'attemptsAllowed', 'review')}
        />
        <Field label='答案与解析' error={errors.review} hint='允许多次作答时，答案只能在竞赛结束后公布'>
          <Chips
            role='radio'
            label='答案与解析'
            options={REVIEW_OPTIONS}
            isSelected={(value) => draft.review === value}
            onToggle={(value) => update({ review: value }, 'review')}
          />
        </Field>
        <InputField
          label='允许切屏次数（选填）'
          error={errors.maxSwitches}
          hint='超过即自动交卷；留空则只记录切屏次数'
          name='maxSwitches'
          type='number'
          value={draft.maxSwitches}
          placeholder='留空只记录'
          onChange={(value) => update({ maxSwitches: value }, 'maxSwitches')}
        />
        <Field label='多次作答时计入' error={errors.counts}>
          <Chips
            role='radio'
            options={COUNTS_OPTIONS}
            isSelected={(value) => draft.counts === value}
            onToggle={(value) => update({ counts: value }, 'counts')}
          />
        </Field>
        <SwitchRow
          title='交卷后显示解析'
          description='答题结束后逐题显示正确答案和解析'
          checked={draft.showExplanations}
          onChange={(checked) => update({ showExplanations: checked })}
        />
        <SwitchRow
          title='公开排行榜'
          description='关闭后党员只能看到自己的成绩'
          checked={draft.leaderboardVisible}
          onChange={(checked) => update({ leaderboardVisible: checked })}
        />
      </FormSection>

      <FormError message={errors._form} />
      {editing?.status === 'upcoming' ? (
        <ActionButton loading={submitting === 'draft'} disabled={submitting !== null} onClick={() => void submit('draft')}>
          保存修改
        </ActionButton>
      ) : (
        <View className='admin-form__buttons'>
          <ActionButton loading={submitting === 'publish'} disabled={submitting !== null} onClick={() => void submit('publish')}>
            发布竞赛
          </ActionButton>
          <ActionButton
            variant='plain'
            loading={submitting === 'draft'}
            disabled={submitting !== null}
            onClick={() => void submit('draft')}
          >
            保存草稿
          </ActionButton>
        </View>
      )}
    </View>
  );
}

/** A refusal with a field goes beside that field; anything else is a toast. */
function showSaveError(error: AppError, setErrors: (errors: FieldErrors) => void): void {
  if (error.code === 'INVALID_INPUT' && error.field) {
    setErrors({ [errorSlot(error.field)]: fieldMessage(error) });
    toast('请修改标红的内容');
  } else {
    toast(error.message);
  }
}

function editableStatus(contest: AdminContest): Editing['status'] | null {
  return contest.status === 'draft' || contest.status === 'upcoming' ? contest.status : null;
}

/** Editing: the contest comes from the workbench list (there is no single-contest read); only before it opens. */
function EditContest({ contestId }: { contestId: string }) {
  const contests = useCloud('quiz', 'adminContests', {});
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: '编辑竞赛' }).catch(() => undefined);
  }, []);
  if (contests.status === 'loading') {
    return (
      <View className='ht-page__body'>
        <View className='ht-card'>
          <Skeleton rows={6} />
        </View>
      </View>
    );
  }
  const contest = contests.data?.items.find((item) => item.id === contestId);
  const status = contest ? editableStatus(contest) : null;
  if (contests.status === 'error' || !contest || !status) {
    const message = contests.error?.message ?? (contest ? '竞赛已开始或已结束，不能再修改' : '找不到这场竞赛');
    return (
      <View className='ht-page__body'>
        <View className='ht-card'>
          <ErrorState message={message} onRetry={contests.reload} />
        </View>
      </View>
    );
  }
  return <ContestForm initial={draftFromContest(contest)} editing={{ contestId, status }} />;
}

function ContestFormPage() {
  const { params } = useRouter();
  const contestId = params.contestId;
  const [initial] = useState(() => initialDraft(Date.now()));
  return contestId ? <EditContest contestId={contestId} /> : <ContestForm initial={initial} editing={null} />;
}

export default function AdminContestPage() {
  return (
    <PageShell>
      <ContestFormPage />
    </PageShell>
  );
}
