import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { Chips, DateTimeField, Field, FieldErrorLine, FormError, FormSection, SwitchRow } from '../../components/FormParts';
import { PageShell } from '../../components/PageShell';
import { callFunction } from '../../services/cloud';
import { fieldMessage } from '../../services/fieldError';
import { goToTab } from '../../utils/tabs';
import { CATEGORIES, DIFFICULTY_LABELS } from '../categories';
import { buildInput, errorSlot, initialDraft, newRule, totalQuestions, type ContestDraft, type FieldErrors, type RuleDraft } from './form';
import '../admin.css';
import { toast } from '../../utils/toast';

const CATEGORY_RANGE = ['不限分类', ...CATEGORIES];
const DIFFICULTY_RANGE = ['不限难度', ...([1, 2, 3] as const).map((level) => `难度：${DIFFICULTY_LABELS[level]}`)];
const MAX_RULES = 20;
const COUNTS_OPTIONS = [
  { value: 'best', label: '最高一次' },
  { value: 'latest', label: '最后一次' },
] as const;

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

function ContestForm() {
  const [draft, setDraft] = useState<ContestDraft>(() => initialDraft(Date.now()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);

  /** Editing a field clears its own error (and the form-level one). */
  const update = (patch: Partial<ContestDraft>, ...clears: string[]) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    if (clears.length > 0) {
      setErrors((previous) => {
        const next = { ...previous };
        for (const key of [...clears, '_form']) delete next[key];
        return next;
      });
    }
  };

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

  const submit = async () => {
    if (submittingRef.current) return;
    const built = buildInput(draft);
    if (!built.input) {
      setErrors(built.errors);
      toast('请修改标红的内容');
      return;
    }
    setErrors({});
    submittingRef.current = true;
    setSubmitting(true);
    const result = await callFunction('quiz', 'createContest', built.input, { silentError: true });
    submittingRef.current = false;
    setSubmitting(false);
    if (!result.ok) {
      const { error } = result;
      if (error.code === 'INVALID_INPUT' && error.field) {
        setErrors({ [errorSlot(error.field)]: fieldMessage(error) });
        toast('请修改标红的内容');
      } else {
        toast(error.message);
      }
      return;
    }
    // A success toast shows about seven characters, so the count stays out of it.
    toast('竞赛已发布', 'success');
    // Opened straight from a link there is no page to go back to; the 我的 tab holds the workbench.
    Taro.navigateBack().catch(() => goToTab('me'));
  };

  const total = totalQuestions(draft);
  const points = Number(draft.pointsPerQuestion) || 0;

  return (
    <View className='ht-page__body admin-form'>
      <FormSection title='基本信息'>
        <Field label='竞赛标题' error={errors.title}>
          <Input
            className='ht-input'
            name='title'
            value={draft.title}
            maxlength={40}
            placeholder='4–40 个字，如“学党史 知党恩”知识竞赛'
            onInput={(event) => update({ title: event.detail.value }, 'title')}
          />
        </Field>
        <Field label='竞赛说明（选填）' error={errors.description}>
          <Textarea
            className='ht-textarea'
            name='description'
            value={draft.description}
            maxlength={500}
            placeholder='参赛范围、奖励办法等，最多 500 字'
            onInput={(event) => update({ description: event.detail.value }, 'description')}
          />
        </Field>
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
        <Field label='每题分值' error={errors.pointsPerQuestion}>
          <Input
            className='ht-input'
            name='pointsPerQuestion'
            type='number'
            value={draft.pointsPerQuestion}
            onInput={(event) => update({ pointsPerQuestion: event.detail.value }, 'pointsPerQuestion')}
          />
        </Field>
        <Field label='答题时限（分钟）' error={errors.timeLimitSec}>
          <Input
            className='ht-input'
            name='timeLimitMinutes'
            type='number'
            value={draft.timeLimitMinutes}
            onInput={(event) => update({ timeLimitMinutes: event.detail.value }, 'timeLimitSec')}
          />
        </Field>
        <Field label='每人可答次数' error={errors.attemptsAllowed}>
          <Input
            className='ht-input'
            name='attemptsAllowed'
            type='number'
            value={draft.attemptsAllowed}
            onInput={(event) => update({ attemptsAllowed: event.detail.value }, 'attemptsAllowed')}
          />
        </Field>
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
      <ActionButton loading={submitting} onClick={() => void submit()}>
        发布竞赛
      </ActionButton>
    </View>
  );
}

export default function AdminContestPage() {
  return (
    <PageShell>
      <ContestForm />
    </PageShell>
  );
}
