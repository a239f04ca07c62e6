import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptAnswers, StartOutput } from '../../../types/contracts/quiz';
import { ActionButton } from '../../components/ActionButton';
import { callFunction } from '../../services/cloud';
import { toast } from '../../utils/toast';
import { answersFor, clearAttempt, loadAttempt, saveAttempt } from '../answersStore';
import { formatRemaining } from '../countdown';
import { confirmHandInWithBlanks } from '../confirmBlanks';
import { resultUrl } from '../routes';
import { useCountdown } from '../useCountdown';
import { guardLeaving } from './guardLeaving';
import { nextChoice, QuestionCard } from './QuestionCard';
import { SwitchWarning } from './SwitchWarning';
import { useSwitchReports } from './useSwitchReports';

/** Long enough to see the choice light up, short enough to feel instant. */
const AUTO_ADVANCE_MS = 300;
const LAST_MINUTE_MS = 60_000;

function isAnswered(answers: AttemptAnswers, questionId: string): boolean {
  return (answers[questionId]?.length ?? 0) > 0;
}

interface AttemptViewProps {
  attempt: StartOutput;
  offsetMs: number;
}

export function AttemptView({ attempt, offsetMs }: AttemptViewProps) {
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
  const [handedInFlag, setHandedInFlag] = useState(false);
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

  /** Handed in by the member, the deadline or the server (切屏 over the limit): the result page takes over. */
  const handedIn = useCallback(() => {
    if (busy.current.done) return;
    busy.current.done = true;
    setHandedInFlag(true);
    clearAttempt(attemptId);
    guardLeaving(false);
    void Taro.redirectTo({ url: resultUrl(attemptId, contestId) });
  }, [attemptId, contestId]);

  const switchCount = useSwitchReports({
    attemptId,
    enabled: !expired && !handedInFlag,
    initialCount: attempt.switchCount,
    answers: () => sheetRef.current.answers,
    onAutoSubmitted: handedIn,
  });

  const submit = useCallback(async () => {
    if (busy.current.submitting || busy.current.done) return;
    busy.current.submitting = true;
    setSubmitting(true);
    const answers = sheetRef.current.answers;
    const result = await callFunction('quiz', 'submit', { attemptId, answers });
    if (result.ok) {
      handedIn();
      return;
    }
    // The call is idempotent on the server, so the member can simply try again; answers stay saved.
    busy.current.submitting = false;
    setSubmitting(false);
  }, [attemptId, handedIn]);

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
    const chosen = nextChoice(question, sheetRef.current.answers[question.id] ?? [], optionIndex);
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
        <SwitchWarning switchCount={switchCount} maxSwitches={attempt.maxSwitches} />
      </View>

      {question ? (
        <QuestionCard
          question={question}
          chosen={answers[question.id] ?? []}
          locked={expired}
          confirmLabel={isLast ? '交卷' : '下一题'}
          onChoose={choose}
        />
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
