import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptQuestion, StartOutput } from '../../../types/contracts/quiz';
import { ActionButton } from '../../components/ActionButton';
import { callFunction } from '../../services/cloud';
import { toast } from '../../utils/toast';
import { clockOffsetMs, formatRemaining } from '../countdown';
import { resultUrl } from '../routes';
import { useCountdown } from '../useCountdown';
import { guardLeaving } from './guardLeaving';
import { nextChoice, QuestionCard } from './QuestionCard';
import { SwitchWarning } from './SwitchWarning';
import { useSwitchReports } from './useSwitchReports';

const LAST_SECONDS_MS = 5_000;

interface Released {
  index: number;
  question: AttemptQuestion;
  /** This question's own server deadline. */
  deadline: string;
  offsetMs: number;
}

function firstReleased(attempt: StartOutput, offsetMs: number): Released | null {
  const question = attempt.questions[0];
  if (!attempt.current || !question) return null;
  return { index: attempt.current.index, question, deadline: attempt.current.deadline, offsetMs };
}

interface PacedViewProps {
  attempt: StartOutput;
  offsetMs: number;
}

/**
 * 逐题限时: the server releases one question at a time with its own deadline; the member cannot go
 * back. A single or 判断 answer goes at the tap, a multiple one with 确定; at the deadline whatever
 * is chosen goes (the server counts it as unanswered if it arrives late). The next question comes
 * only from the server's reply.
 */
export function PacedView({ attempt, offsetMs }: PacedViewProps) {
  const { attemptId, contestId, questionCount } = attempt;
  const [released, setReleased] = useState<Released | null>(() => firstReleased(attempt, offsetMs));
  const [chosen, setChosen] = useState<number[]>([]);
  const [sending, setSending] = useState(false);
  const [handedInFlag, setHandedInFlag] = useState(false);
  const busy = useRef({ sending: false, done: false });
  const chosenRef = useRef(chosen);
  chosenRef.current = chosen;

  useEffect(() => {
    guardLeaving(true);
    return () => guardLeaving(false);
  }, []);

  const handedIn = useCallback(() => {
    if (busy.current.done) return;
    busy.current.done = true;
    setHandedInFlag(true);
    guardLeaving(false);
    void Taro.redirectTo({ url: resultUrl(attemptId, contestId) });
  }, [attemptId, contestId]);

  const switchCount = useSwitchReports({
    attemptId,
    enabled: !handedInFlag,
    initialCount: attempt.switchCount,
    // The server already holds every answered question; nothing on the phone is unsent.
    answers: () => undefined,
    onAutoSubmitted: handedIn,
  });

  const send = useCallback(
    async (question: AttemptQuestion, answer: number[]) => {
      if (busy.current.sending || busy.current.done) return;
      busy.current.sending = true;
      setSending(true);
      const result = await callFunction('quiz', 'answerQuestion', { attemptId, questionId: question.id, chosen: answer });
      busy.current.sending = false;
      setSending(false);
      // A failed call keeps the question on screen: answering again is safe, the server keeps the first on-time answer.
      if (!result.ok) return;
      if (!result.data.accepted) toast('本题已超时，按未作答计');
      if (result.data.result || !result.data.next) {
        handedIn();
        return;
      }
      const { next, serverNow } = result.data;
      setChosen([]);
      setReleased({ index: next.index, question: next.question, deadline: next.deadline, offsetMs: clockOffsetMs(serverNow, Date.now()) });
    },
    [attemptId, handedIn],
  );

  const onExpire = useCallback(() => {
    if (released) void send(released.question, chosenRef.current);
  }, [released, send]);

  const remaining = useCountdown({ deadline: released?.deadline ?? null, offsetMs: released?.offsetMs ?? 0, onExpire });

  if (!released) {
    return (
      <View className='ht-card quiz-take__expired' role='alert'>
        <Text className='ht-card__title'>本次作答已结束</Text>
        <ActionButton onClick={handedIn}>查看成绩</ActionButton>
      </View>
    );
  }

  const { question, index } = released;
  const locked = sending || handedInFlag || remaining === 0;
  const choose = (optionIndex: number) => {
    if (locked) return;
    const answer = nextChoice(question, chosenRef.current, optionIndex);
    // The ref leads the render, so 确定 tapped before the re-render still sends every option chosen.
    chosenRef.current = answer;
    setChosen(answer);
    if (question.type !== 'multiple') void send(question, answer);
  };
  const isLast = index === questionCount - 1;
  const urgent = remaining !== null && remaining <= LAST_SECONDS_MS;

  return (
    <View className='quiz-take quiz-take--paced'>
      <View className='quiz-take__bar'>
        <View className='quiz-take__bar-row'>
          <Text className='quiz-take__progress'>
            第 {index + 1}/{questionCount} 题
          </Text>
          <Text className={`quiz-take__clock${urgent ? ' quiz-take__clock--urgent' : ''}`} aria-label='本题剩余时间'>
            {remaining === null ? '--:--' : formatRemaining(remaining)}
          </Text>
        </View>
        <View className='quiz-take__track'>
          <View className='quiz-take__track-fill' style={{ width: `${questionCount ? (index / questionCount) * 100 : 0}%` }} />
        </View>
        <Text className='quiz-take__subtitle'>
          {attempt.title} · 逐题限时 · 第 {attempt.attemptNo}/{attempt.attemptsAllowed} 次作答
        </Text>
        <SwitchWarning switchCount={switchCount} maxSwitches={attempt.maxSwitches} />
      </View>

      <QuestionCard
        key={question.id}
        question={question}
        chosen={chosen}
        locked={locked}
        confirmLabel={isLast ? '确定并交卷' : '确定'}
        onChoose={choose}
      />

      {question.type === 'multiple' ? (
        <View className='quiz-take__paced-confirm'>
          <ActionButton loading={sending} disabled={chosen.length === 0 || locked} onClick={() => void send(question, chosenRef.current)}>
            {isLast ? '确定并交卷' : '确定'}
          </ActionButton>
        </View>
      ) : null}
      {remaining === 0 && !sending && !handedInFlag ? (
        <View className='ht-card quiz-take__expired' role='alert'>
          <Text className='ht-card__text'>本题时间到，提交未成功，请重试。</Text>
          <ActionButton onClick={() => void send(question, chosenRef.current)}>重新提交</ActionButton>
        </View>
      ) : null}
      <Text className='quiz-take__paced-note'>每题限时作答，答完自动进入下一题，不能返回修改。</Text>
    </View>
  );
}
