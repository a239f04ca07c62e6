import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type {
  MistakeItem,
  PracticeAnswers,
  PracticeQuestion,
  PracticeRetry,
  PracticeStanding,
  PracticeSubmitOutput,
  PracticeToday,
} from '../../../types/contracts/practice';
import type { Result } from '../../../types/result';
import { ActionButton } from '../../components/ActionButton';
import { Empty } from '../../components/Empty';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { Tag } from '../../components/Tag';
import { callFunction } from '../../services/cloud';
import { useCloud } from '../../services/useCloud';
import { usePagedList, type Page } from '../../services/usePagedList';
import { goToTab } from '../../utils/tabs';
import { answersFor, clearAttempt, loadAttempt, saveAttempt } from '../answersStore';
import { confirmHandInWithBlanks } from '../confirmBlanks';
import { nextChoice, OptionList, QuestionHead, ReviewedOptions } from './QuestionBody';
import '../quiz.css';
import './index.css';

type Tab = 'today' | 'mistakes';
const MISTAKES_PAGE_SIZE = 10;

/** Today's answers live in storage under this id until submitted, so leaving the page loses nothing. */
function storageId(day: string): string {
  return `practice-${day}`;
}

/** Shown for a streak worth a word; quiet otherwise. */
function streakNote(streak: number): string {
  if (streak >= 30) return `连续 ${streak} 天，学习已成习惯，了不起！`;
  if (streak >= 7) return `连续 ${streak} 天，坚持得真好！`;
  if (streak >= 2) return `已连续 ${streak} 天，明天继续`;
  return '明天再来，开始你的连续学习';
}

function StandingBar({ standing }: { standing: PracticeStanding }) {
  return (
    <View className='quiz-stats practice-standing'>
      <View className='quiz-stats__item'>
        <Text className='quiz-stats__value quiz-stats__value--brand'>{standing.streak}</Text>
        <Text className='quiz-stats__label'>连续天数</Text>
      </View>
      <View className='quiz-stats__item'>
        <Text className='quiz-stats__value'>{standing.points}</Text>
        <Text className='quiz-stats__label'>累计积分</Text>
      </View>
      <View className='quiz-stats__item'>
        <Text className='quiz-stats__value'>{standing.bestStreak}</Text>
        <Text className='quiz-stats__label'>最长连续</Text>
      </View>
    </View>
  );
}

interface RunnerProps {
  day: string;
  questions: PracticeQuestion[];
  onSubmitted: (output: PracticeSubmitOutput) => void;
  onDayChanged: () => void;
}

/** Today's questions one at a time, then one submit. */
function PracticeRunner({ day, questions, onSubmitted, onDayChanged }: RunnerProps) {
  const total = questions.length;
  const [sheet, setSheet] = useState(() => {
    const saved = loadAttempt(storageId(day));
    return {
      answers: saved ? answersFor(saved.answers, questions) : {},
      current: saved ? Math.min(saved.current, Math.max(0, total - 1)) : 0,
    };
  });
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  const { answers, current } = sheet;
  const question = questions[current];
  const answered = questions.filter((item) => (answers[item.id]?.length ?? 0) > 0).length;

  const commit = (next: { answers: PracticeAnswers; current: number }) => {
    setSheet(next);
    saveAttempt({
      attemptId: storageId(day),
      contestId: 'practice',
      // The set is valid until the end of its Shanghai day; later the record is pruned.
      deadline: new Date(`${day}T23:59:59.999+08:00`).toISOString(),
      answers: next.answers,
      current: next.current,
    });
  };

  const submit = async () => {
    if (busy.current) return;
    const unanswered = total - answered;
    if (unanswered > 0) {
      busy.current = true;
      const confirmed = await confirmHandInWithBlanks(unanswered, { handIn: '提交', goBack: '继续作答' });
      busy.current = false;
      if (!confirmed) return;
    }
    busy.current = true;
    setSubmitting(true);
    const result = await callFunction('quiz', 'practiceSubmit', { day, answers });
    busy.current = false;
    setSubmitting(false);
    if (result.ok) {
      clearAttempt(storageId(day));
      onSubmitted(result.data);
    } else if (!result.ok && result.error.code === 'CLOSED') {
      // The day turned over while answering: a new set is waiting.
      clearAttempt(storageId(day));
      onDayChanged();
    }
    // Other failures keep the answers on screen (and in storage); submit is idempotent, so try again.
  };

  if (!question) return <Empty title='今天没有题目' description='题库暂无题目，请联系组织部' />;
  const isLast = current === total - 1;
  return (
    <View className='practice-runner'>
      <View className='quiz-take__track'>
        <View className='quiz-take__track-fill' style={{ width: `${total ? (answered / total) * 100 : 0}%` }} />
      </View>
      <View className='quiz-take__card'>
        <QuestionHead type={question.type} stem={question.stem} aside={`第 ${current + 1}/${total} 题`} />
        <OptionList
          questionId={question.id}
          type={question.type}
          options={question.options}
          chosen={answers[question.id] ?? []}
          locked={submitting}
          onChoose={(index) => {
            const chosen = nextChoice(question.type, answers[question.id] ?? [], index);
            const next = { ...answers };
            if (chosen.length > 0) next[question.id] = chosen;
            else delete next[question.id];
            commit({ answers: next, current });
          }}
        />
      </View>
      <View className='quiz-take__nav practice-runner__nav'>
        <View className='quiz-take__nav-side'>
          <ActionButton variant='plain' size='small' disabled={current === 0} onClick={() => commit({ answers, current: current - 1 })}>
            上一题
          </ActionButton>
        </View>
        <Text className='quiz-take__sheet-toggle-text'>
          已答 {answered}/{total}
        </Text>
        <View className='quiz-take__nav-side'>
          {isLast ? (
            <ActionButton size='small' loading={submitting} onClick={() => void submit()}>
              提交
            </ActionButton>
          ) : (
            <ActionButton size='small' onClick={() => commit({ answers, current: current + 1 })}>
              下一题
            </ActionButton>
          )}
        </View>
      </View>
    </View>
  );
}

function TodayResult({
  output,
  onOpenMistakes,
}: {
  output: Pick<PracticeToday, 'streak' | 'bestStreak' | 'points' | 'daysDone'> & { result: NonNullable<PracticeToday['result']> };
  onOpenMistakes: () => void;
}) {
  const { result } = output;
  const wrong = result.review.filter((item) => !item.isCorrect).length;
  return (
    <View className='quiz-result'>
      <View className='quiz-score practice-score'>
        <Text className='quiz-score__label'>今日已完成 · 答对</Text>
        <Text className='quiz-score__value'>
          {result.correctCount}
          <Text className='quiz-score__max'> / {result.questionCount} 题</Text>
        </Text>
        <Text className='practice-score__points'>+{result.pointsEarned} 积分</Text>
        <Text className='quiz-score__cheer'>{streakNote(output.streak)}</Text>
      </View>
      <View className='quiz-result__body'>
        <StandingBar standing={output} />
        <Section title='答题解析' status='ready'>
          {result.review.map((item, index) => (
            <View key={item.questionId} className='quiz-review'>
              <View className='quiz-review__head'>
                <Text className='quiz-review__stem'>
                  {index + 1}. {item.stem}
                </Text>
                <Tag text={item.isCorrect ? '答对' : item.chosen.length === 0 ? '未答' : '答错'} tone={item.isCorrect ? 'grey' : 'red'} />
              </View>
              <ReviewedOptions options={item.options} chosen={item.chosen} correct={item.correct} />
              <Text className='quiz-review__explanation'>解析：{item.explanation}</Text>
            </View>
          ))}
        </Section>
        <View className='quiz-actions'>
          {wrong > 0 ? <ActionButton onClick={onOpenMistakes}>去错题本（{wrong} 题已收录）</ActionButton> : null}
          <ActionButton variant='plain' onClick={() => goToTab('quiz')}>
            返回答题
          </ActionButton>
        </View>
      </View>
    </View>
  );
}

function TodayTab({ onOpenMistakes }: { onOpenMistakes: () => void }) {
  const today = useCloud('quiz', 'practice', {});
  const [submitted, setSubmitted] = useState<PracticeSubmitOutput | null>(null);
  const data = today.data;

  if (today.status === 'loading' && !submitted) {
    return (
      <View className='ht-page__body'>
        <View className='ht-card'>
          <Skeleton rows={4} />
        </View>
      </View>
    );
  }
  if (submitted) return <TodayResult output={submitted} onOpenMistakes={onOpenMistakes} />;
  if (today.status === 'error' || !data) {
    return (
      <View className='ht-page__body'>
        <View className='ht-card'>
          <ErrorState message={today.error?.message ?? '加载失败'} onRetry={today.reload} />
        </View>
      </View>
    );
  }
  if (data.result) return <TodayResult output={{ ...data, result: data.result }} onOpenMistakes={onOpenMistakes} />;
  return (
    <View className='ht-page__body'>
      <View className='practice-intro'>
        <Text className='practice-intro__title'>今日 {data.questions.length} 题 · 答对 1 题得 1 积分</Text>
        <Text className='practice-intro__note'>
          {data.streak > 0 ? `已连续 ${data.streak} 天，今天完成即可延续` : '每天完成一次，积累连续天数'}
        </Text>
      </View>
      <StandingBar standing={data} />
      <PracticeRunner key={data.day} day={data.day} questions={data.questions} onSubmitted={setSubmitted} onDayChanged={today.reload} />
    </View>
  );
}

/** One notebook question: answer it again; a right answer takes it out of the notebook. */
function MistakeCard({ item, onResolved }: { item: MistakeItem; onResolved: () => void }) {
  const [chosen, setChosen] = useState<number[]>([]);
  const [outcome, setOutcome] = useState<PracticeRetry | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [sending, setSending] = useState(false);
  const wrongCount = outcome?.wrongCount ?? item.wrongCount;

  const send = async () => {
    if (sending || chosen.length === 0) return;
    setSending(true);
    const result = await callFunction('quiz', 'retryMistake', { questionId: item.questionId, answer: chosen });
    setSending(false);
    if (!result.ok) return;
    setOutcome(result.data);
    if (result.data.resolved) onResolved();
  };

  const showAnswer = outcome !== null || revealed;
  return (
    <View className={`practice-mistake${outcome?.resolved ? ' practice-mistake--resolved' : ''}`}>
      <QuestionHead type={item.type} stem={item.stem} aside={`答错 ${wrongCount} 次`} />
      {showAnswer ? (
        <ReviewedOptions options={item.options} chosen={outcome ? chosen : []} correct={item.correct} />
      ) : (
        <OptionList
          questionId={item.questionId}
          type={item.type}
          options={item.options}
          chosen={chosen}
          locked={sending}
          onChoose={(index) => setChosen(nextChoice(item.type, chosen, index))}
        />
      )}
      {outcome ? (
        <View role='status'>
          <Text className={`practice-mistake__verdict${outcome.correct ? ' practice-mistake__verdict--right' : ''}`}>
            {outcome.correct ? '答对了，已移出错题本' : '还是答错了，已留在错题本'}
          </Text>
        </View>
      ) : null}
      {showAnswer ? <Text className='quiz-review__explanation'>解析：{item.explanation}</Text> : null}
      <View className='quiz-actions practice-mistake__actions'>
        {outcome === null && !revealed ? (
          <>
            <ActionButton size='small' loading={sending} disabled={chosen.length === 0} onClick={() => void send()}>
              提交重做
            </ActionButton>
            <ActionButton size='small' variant='plain' onClick={() => setRevealed(true)}>
              看答案
            </ActionButton>
          </>
        ) : null}
        {!outcome?.resolved && showAnswer ? (
          <ActionButton
            size='small'
            variant='plain'
            onClick={() => {
              setOutcome(null);
              setRevealed(false);
              setChosen([]);
            }}
          >
            再做一次
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}

function MistakesTab() {
  const [total, setTotal] = useState<number | null>(null);
  const fetchPage = useCallback(async (cursor?: string): Promise<Result<Page<MistakeItem>>> => {
    const result = await callFunction(
      'quiz',
      'mistakes',
      cursor ? { cursor, pageSize: MISTAKES_PAGE_SIZE } : { pageSize: MISTAKES_PAGE_SIZE },
      {
        silentError: !cursor,
      },
    );
    if (!result.ok) return result;
    setTotal(result.data.total);
    return { ok: true, data: { items: result.data.items, nextCursor: result.data.nextCursor } };
  }, []);
  const list = usePagedList(fetchPage);
  const title = total === null ? '错题本' : `错题本（${total} 题）`;
  return (
    <View className='ht-page__body'>
      <Section
        title={title}
        status={list.status}
        isEmpty={list.items.length === 0}
        emptyTitle='错题本是空的'
        emptyDescription='每日一练中答错的题会收录在这里，重做答对即移出'
        errorMessage={list.error?.message}
        onRetry={() => void list.reload()}
      >
        {list.items.map((item) => (
          <MistakeCard
            key={item.questionId}
            item={item}
            onResolved={() => setTotal((count) => (count === null ? count : Math.max(0, count - 1)))}
          />
        ))}
        {list.hasMore ? (
          <View className='practice-more'>
            <ActionButton variant='plain' size='small' loading={list.loadingMore} onClick={list.loadMore}>
              加载更多
            </ActionButton>
          </View>
        ) : null}
      </Section>
    </View>
  );
}

const TABS: { key: Tab; label: string }[] = [
  { key: 'today', label: '今日一练' },
  { key: 'mistakes', label: '错题本' },
];

export default function QuizPracticePage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(params.tab === 'mistakes' ? 'mistakes' : 'today');
  return (
    <PageShell>
      <View className='practice-tabs' role='tablist'>
        {TABS.map(({ key, label }) => (
          <View
            key={key}
            role='tab'
            className={`practice-tabs__tab${tab === key ? ' practice-tabs__tab--active' : ''}`}
            onClick={() => setTab(key)}
          >
            <Text>{label}</Text>
          </View>
        ))}
      </View>
      {tab === 'today' ? <TodayTab onOpenMistakes={() => setTab('mistakes')} /> : <MistakesTab />}
    </PageShell>
  );
}
