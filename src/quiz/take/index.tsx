import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ContestSummary, StartOutput } from '../../../types/contracts/quiz';
import type { AppError } from '../../../types/result';
import { ActionButton } from '../../components/ActionButton';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { Skeleton } from '../../components/Skeleton';
import { callFunction } from '../../services/cloud';
import { goToTab } from '../../utils/tabs';
import { clockOffsetMs } from '../countdown';
import { boardUrl } from '../routes';
import { AttemptView } from './AttemptView';
import { ContestNotice, ResumeNotice } from './ContestNotice';
import { PacedView } from './PacedView';
import '../quiz.css';

interface Started {
  contest: ContestSummary;
  attempt: StartOutput;
  offsetMs: number;
}

type TakeState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'notice'; contest: ContestSummary; starting: boolean }
  | ({ status: 'resume' } & Started)
  | ({ status: 'ready' } & Started);

const NOT_OPEN: AppError = { code: 'NOT_FOUND', message: '竞赛不存在或不在开放时间内，请从答题页进入' };
const USED_UP: AppError = { code: 'FULL', message: '你的作答次数已用完，可以去排行榜看看成绩' };

/** `start` resumes an open attempt (same questions, order and deadline), so a retry or a reopened page is safe. */
async function startAttempt(contest: ContestSummary): Promise<{ ok: true; started: Started } | { ok: false; error: AppError }> {
  const result = await callFunction('quiz', 'start', { contestId: contest.id }, { silentError: true });
  if (!result.ok) return result;
  return { ok: true, started: { contest, attempt: result.data, offsetMs: clockOffsetMs(result.data.serverNow, Date.now()) } };
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

/** A resumed attempt (even one another device began after the 须知) first says how much time is left. */
function afterStart(started: Awaited<ReturnType<typeof startAttempt>>): TakeState {
  if (!started.ok) return { status: 'error', error: started.error };
  return { status: started.started.attempt.resumed ? 'resume' : 'ready', ...started.started };
}

function TakeContent() {
  const { params } = useRouter();
  const contestId = params.contestId ?? '';
  const [state, setState] = useState<TakeState>({ status: 'loading' });
  const [loadNo, setLoadNo] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    if (!contestId) {
      setState({ status: 'error', error: { code: 'NOT_FOUND', message: '未指定竞赛，请从答题页进入' } });
      return undefined;
    }
    const load = async () => {
      const listed = await callFunction('quiz', 'contests', { status: 'open' }, { silentError: true });
      if (cancelled) return;
      if (!listed.ok) return setState({ status: 'error', error: listed.error });
      const contest = listed.data.items.find((item) => item.id === contestId);
      if (!contest) return setState({ status: 'error', error: NOT_OPEN });
      if (!contest.mine.openAttemptId) {
        const used = contest.mine.attemptsUsed >= contest.attemptsAllowed;
        return setState(used ? { status: 'error', error: USED_UP } : { status: 'notice', contest, starting: false });
      }
      const resumed = await startAttempt(contest);
      if (!cancelled) setState(afterStart(resumed));
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [contestId, loadNo]);

  const confirmStart = useCallback(async (contest: ContestSummary) => {
    setState({ status: 'notice', contest, starting: true });
    setState(afterStart(await startAttempt(contest)));
  }, []);

  const retry = () => setLoadNo((count) => count + 1);

  switch (state.status) {
    case 'loading':
      return (
        <View className='ht-page__body'>
          <View className='ht-card'>
            <Skeleton rows={4} />
          </View>
        </View>
      );
    case 'error':
      return (
        <View className='ht-page__body'>
          <StartRefused error={state.error} contestId={contestId} onRetry={retry} />
        </View>
      );
    case 'notice':
      return (
        <View className='ht-page__body'>
          <ContestNotice contest={state.contest} starting={state.starting} onConfirm={() => void confirmStart(state.contest)} />
        </View>
      );
    case 'resume':
      return (
        <View className='ht-page__body'>
          <ResumeNotice attempt={state.attempt} offsetMs={state.offsetMs} onContinue={() => setState({ ...state, status: 'ready' })} />
        </View>
      );
    case 'ready':
      return state.attempt.pace === 'perQuestion' ? (
        <PacedView key={state.attempt.attemptId} attempt={state.attempt} offsetMs={state.offsetMs} />
      ) : (
        <AttemptView key={state.attempt.attemptId} attempt={state.attempt} offsetMs={state.offsetMs} />
      );
  }
}

export default function QuizTakePage() {
  return (
    <PageShell>
      <TakeContent />
    </PageShell>
  );
}
