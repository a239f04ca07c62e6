import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptAnswers, AttemptQuestion, StartOutput } from '../../../types/contracts/quiz';
import type { AppError } from '../../../types/result';
import { ActionButton } from '../../components/ActionButton';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { Skeleton } from '../../components/Skeleton';
import { Tag } from '../../components/Tag';
import { callFunction } from '../../services/cloud';
import { goToTab } from '../../utils/tabs';
import { answersFor, clearAttempt, loadAttempt, saveAttempt } from '../answersStore';
import { clockOffsetMs, formatRemaining } from '../countdown';
import { confirmHandInWithBlanks } from '../confirmBlanks';
import { boardUrl, resultUrl } from '../routes';
import { useCountdown } from '../useCountdown';
import '../quiz.css';
import { toast } from '../../utils/toast';

const TYPE_LABELS: Record<AttemptQuestion['type'], string> = { single: '单选题', multiple: '多选题', judge: '判断题' };
const OPTION_LETTERS = 'ABCDEFGHIJ';
/** Long enough to see the choice light up, short enough to feel instant. */
const AUTO_ADVANCE_MS = 300;
const LAST_MINUTE_MS = 60_000;

type StartState =
  { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; attempt: StartOutput; offsetMs: number };

/** Blocks the back gesture while an attempt runs (weapp only): the clock keeps running on the server. */
function guardLeaving(enabled: boolean): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    const pending: unknown = enabled
      ? Taro.enableAlertBeforeUnload({ message: '答题尚未交卷，离开后计时仍在继续，确定离开吗？' })
      : Taro.disableAlertBeforeUnload();
    if (pending && typeof (pending as Promise<unknown>).catch === 'function') (pending as Promise<unknown>).catch(() => undefined);
  } catch {
    // Older base libraries lack the API; leaving is still safe because answers are saved.
  }
}

function isAnswered(answers: AttemptAnswers, questionId: string): boolean {
  return (answers[questionId]?.length ?? 0) > 0;
}

interface AttemptViewProps {
  attempt: StartOutput;
  offsetMs: number;
}

function AttemptView({ attempt, offsetMs }: AttemptViewProps) {
  const { attemptId, contestId, questions } = attempt;
  const total = questions.length;
  const [sheet, setSheet] = useState(() => {
    const saved = loadAttempt(attemptId);
    return {
      answers: saved ? answersFor(saved.answers, questions) : {},
      current: saved ? Math.min(saved.current, Math.max(0, total - 1)) : 0,
    };
  });
  const sheetRef = useRef(sheet);
  const [showSheet, setShowSheet] = useState(false);
  const [expired, setExpired] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef({ submitting: false, confirming: false, done: false });
  const advanceTimer = useRef<ReturnType<typeof setTimeout>>();

  /** Every change is written to storage before the next tap can happen. */
  const commit = useCallback(
    (next: { answers: AttemptAnswers; current: number }) => {
      sheetRef.current = next;
      setSheet(next);
      saveAttempt({ attemptId, contestId, deadline: attempt.deadline, answers: next.answers, current: next.current });
    },
    [attemptId, contestId, attempt.deadline],
  );

  useEffect(() => {
    guardLeaving(true);
    return () => {
      guardLeaving(false);
      if (advanceTimer.current) clearTimeout(advanceTimer.current);
    };
  }, []);

  const submit = useCallback(async () => {
    if (busy.current.submitting || busy.current.done) return;
    busy.current.submitting = true;
    setSubmitting(true);
    const answers = sheetRef.current.answers;
    const result = await callFunction('quiz', 'submit', { attemptId, answers });
    if (result.ok) {
      busy.current.done = true;
      clearAttempt(attemptId);
      guardLeaving(false);
      void Taro.redirectTo({ url: resultUrl(attemptId, contestId) });
      return;
    }
    // The call is idempotent on the server, so the member can simply try again; answers stay saved.
    busy.current.submitting = false;
    setSubmitting(false);
  }, [attemptId, contestId]);

  const onExpire = useCallback(() => {
    setExpired(true);
    setShowSheet(false);
    toast('时间到，已自动交卷');
    void submit();
  }, [submit]);

  const remaining = useCountdown({ deadline: attempt.deadline, offsetMs, onExpire });

  const { answers, current } = sheet;
  const question = questions[current];
  const answeredCount = questions.filter((item) => isAnswered(answers, item.id)).length;
  const isLast = current === total - 1;

  const goTo = (index: number) => {
    if (advanceTimer.current) clearTimeout(advanceTimer.current);
    const target = Math.max(0, Math.min(total - 1, index));
    if (target !== sheetRef.current.current) commit({ ...sheetRef.current, current: target });
  };

  const choose = (optionIndex: number) => {
    if (!question || expired || busy.current.done) return;
    const previous = sheetRef.current.answers[question.id] ?? [];
    let chosen: number[];
    if (question.type === 'multiple') {
      chosen = previous.includes(optionIndex)
        ? previous.filter((index) => index !== optionIndex)
        : [...previous, optionIndex].sort((a, b) => a - b);
    } else {
      chosen = [optionIndex];
    }
    const nextAnswers = { ...sheetRef.current.answers };
    if (chosen.length > 0) nextAnswers[question.id] = chosen;
    else delete nextAnswers[question.id];
    commit({ answers: nextAnswers, current: sheetRef.current.current });

    if (question.type !== 'multiple' && current < total - 1) {
      if (advanceTimer.current) clearTimeout(advanceTimer.current);
      const from = current;
      advanceTimer.current = setTimeout(() => {
        if (sheetRef.current.current === from) commit({ ...sheetRef.current, current: from + 1 });
      }, AUTO_ADVANCE_MS);
    }
  };

  const confirmAndSubmit = async () => {
    if (busy.current.submitting || busy.current.confirming || busy.current.done) return;
    const unanswered = total - questions.filter((item) => isAnswered(sheetRef.current.answers, item.id)).length;
    if (unanswered > 0) {
      busy.current.confirming = true;
      const confirmed = await confirmHandInWithBlanks(unanswered, { handIn: '交卷', goBack: '继续答题' });
      busy.current.confirming = false;
      if (!confirmed) return;
    }
    setShowSheet(false);
    void submit();
  };

  const lastMinute = remaining !== null && remaining <= LAST_MINUTE_MS;

  return (
    <View className='quiz-take'>
      <View className='quiz-take__bar'>
        <View className='quiz-take__bar-row'>
          <Text className='quiz-take__progress'>
            第 {current + 1}/{total} 题
          </Text>
          <Text className={`quiz-take__clock${lastMinute ? ' quiz-take__clock--urgent' : ''}`} aria-label='剩余时间'>
            {remaining === null ? '--:--' : formatRemaining(remaining)}
          </Text>
        </View>
        <View className='quiz-take__track'>
          <View className='quiz-take__track-fill' style={{ width: `${total ? (answeredCount / total) * 100 : 0}%` }} />
        </View>
        <Text className='quiz-take__subtitle'>
          {attempt.title} · 第 {attempt.attemptNo}/{attempt.attemptsAllowed} 次作答 · 已答 {answeredCount}/{total}
        </Text>
      </View>

      {question ? (
        <View className='quiz-take__card'>
          <View className='quiz-take__meta'>
            <Tag text={TYPE_LABELS[question.type]} />
            <Text className='quiz-take__points'>{question.points} 分</Text>
          </View>
          <Text className='quiz-take__stem'>{question.stem}</Text>
          {question.type === 'multiple' ? <Text className='quiz-take__hint'>可多选，选好后点“{isLast ? '交卷' : '下一题'}”</Text> : null}
          <View className='quiz-take__options'>
            {question.options.map((option, index) => {
              const chosen = answers[question.id]?.includes(index) ?? false;
              return (
                <View
                  key={`${question.id}-${index}`}
                  className={`quiz-option${chosen ? ' quiz-option--chosen' : ''}${expired ? ' quiz-option--locked' : ''}`}
                  hoverClass={expired ? 'none' : 'quiz-option--pressed'}
                  onClick={() => choose(index)}
                >
                  <Text className={`quiz-option__letter${question.type === 'multiple' ? ' quiz-option__letter--square' : ''}`}>
                    {OPTION_LETTERS[index] ?? String(index + 1)}
                  </Text>
                  <Text className='quiz-option__text'>{option}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ) : null}

      {expired ? (
        <View className='ht-card quiz-take__expired' role='alert'>
          <Text className='ht-card__title'>时间到</Text>
          <Text className='ht-card__text'>{submitting ? '正在交卷…' : '交卷未成功，答案已保存在本机，请重试。'}</Text>
          {submitting ? null : <ActionButton onClick={() => void submit()}>重新交卷</ActionButton>}
        </View>
      ) : null}

      <View className='quiz-take__nav'>
        <View className='quiz-take__nav-side'>
          <ActionButton variant='plain' size='small' disabled={current === 0} onClick={() => goTo(current - 1)}>
            上一题
          </ActionButton>
        </View>
        <View className='quiz-take__sheet-toggle' hoverClass='ht-cell--pressed' onClick={() => setShowSheet(true)}>
          <Text className='quiz-take__sheet-toggle-text'>
            答题卡 {answeredCount}/{total}
          </Text>
        </View>
        <View className='quiz-take__nav-side'>
          {isLast ? (
            <ActionButton size='small' loading={submitting} onClick={() => void confirmAndSubmit()}>
              交卷
            </ActionButton>
          ) : (
            <ActionButton size='small' onClick={() => goTo(current + 1)}>
              下一题
            </ActionButton>
          )}
        </View>
      </View>

      {showSheet ? (
        <View className='quiz-sheet'>
          <View className='quiz-sheet__mask' onClick={() => setShowSheet(false)} />
          <View className='quiz-sheet__panel'>
            <View className='quiz-sheet__head'>
              <Text className='quiz-sheet__title'>答题卡</Text>
              <Text className='quiz-sheet__legend'>
                已答 {answeredCount} · 未答 {total - answeredCount}
              </Text>
            </View>
            <View className='quiz-sheet__grid'>
              {questions.map((item, index) => (
                <View
                  key={item.id}
                  className={`quiz-sheet__cell${isAnswered(answers, item.id) ? ' quiz-sheet__cell--answered' : ''}${
                    index === current ? ' quiz-sheet__cell--current' : ''
                  }`}
                  onClick={() => {
                    goTo(index);
                    setShowSheet(false);
                  }}
                >
                  <Text>{index + 1}</Text>
                </View>
              ))}
            </View>
            <ActionButton loading={submitting} disabled={expired} onClick={() => void confirmAndSubmit()}>
              交卷
            </ActionButton>
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** What the member can do when `start` is refused, by the server's reason. */
function StartRefused({ error, contestId, onRetry }: { error: AppError; contestId: string; onRetry: () => void }) {
  const retryable = error.code === 'CONFLICT' || error.code === 'RATE_LIMITED' || error.code === 'INTERNAL';
  return (
    <View className='ht-card quiz-take__refused'>
      <Text className='ht-card__title'>{error.code === 'FULL' ? '作答次数已用完' : '暂时无法开始答题'}</Text>
      {retryable ? (
        <ErrorState message={error.message} onRetry={onRetry} />
      ) : (
        <View className='quiz-take__refused-body' role='alert'>
          <Text className='ht-card__text'>{error.message}</Text>
        </View>
      )}
      <View className='quiz-actions'>
        {error.code === 'FULL' && contestId ? (
          <ActionButton variant='plain' onClick={() => void Taro.redirectTo({ url: boardUrl(contestId) })}>
            查看排行榜
          </ActionButton>
        ) : null}
        <ActionButton variant='plain' onClick={() => goToTab('quiz')}>
          返回答题
        </ActionButton>
      </View>
    </View>
  );
}

function TakeContent() {
  const { params } = useRouter();
  const contestId = params.contestId ?? '';
  const [state, setState] = useState<StartState>({ status: 'loading' });
  const [attemptNo, setAttemptNo] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    if (!contestId) {
      setState({ status: 'error', error: { code: 'NOT_FOUND', message: '未指定竞赛，请从答题页进入' } });
      return undefined;
    }
    // `start` resumes an open attempt (same questions, order and deadline), so a retry or a reopened page is safe.
    void callFunction('quiz', 'start', { contestId }, { silentError: true }).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setState({ status: 'error', error: result.error });
        return;
      }
      setState({ status: 'ready', attempt: result.data, offsetMs: clockOffsetMs(result.data.serverNow, Date.now()) });
    });
    return () => {
      cancelled = true;
    };
  }, [contestId, attemptNo]);

  if (state.status === 'loading') {
    return (
      <View className='ht-page__body'>
        <View className='ht-card'>
          <Skeleton rows={4} />
        </View>
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className='ht-page__body'>
        <StartRefused error={state.error} contestId={contestId} onRetry={() => setAttemptNo((count) => count + 1)} />
      </View>
    );
  }
  return <AttemptView key={state.attempt.attemptId} attempt={state.attempt} offsetMs={state.offsetMs} />;
}

export default function QuizTakePage() {
  return (
    <PageShell>
      <TakeContent />
    </PageShell>
  );
}
