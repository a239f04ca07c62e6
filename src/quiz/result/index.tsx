import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AttemptResult } from '../../../types/contracts/quiz';
import { ActionButton } from '../../components/ActionButton';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { Tag } from '../../components/Tag';
import { useCloud } from '../../services/useCloud';
import { formatDateTime } from '../../utils/format';
import { goToTab } from '../../utils/tabs';
import { formatTaken } from '../countdown';
import { boardUrl } from '../routes';
import '../quiz.css';

const OPTION_LETTERS = 'ABCDEFGHIJ';

type ReviewItem = NonNullable<AttemptResult['review']>[number];

function cheer(result: AttemptResult): string {
  if (result.maxScore > 0 && result.score === result.maxScore) return '全部答对，了不起！';
  const ratio = result.maxScore > 0 ? result.score / result.maxScore : 0;
  if (ratio >= 0.8) return '成绩优秀，继续保持';
  if (ratio >= 0.6) return '顺利过关，再接再厉';
  return '温故知新，看看解析再来一次';
}

/** Rank comes from the member's best entry on the board, which may be an earlier attempt. */
function RankStat({ contestId, score }: { contestId: string; score: number }) {
  const rank = useCloud('quiz', 'myRank', { contestId });
  let value = '…';
  if (rank.status === 'error') value = '—';
  else if (rank.status === 'ready') value = rank.data?.rank ? `第 ${rank.data.rank} 名` : '暂无';
  const best = rank.data?.score ?? null;
  return (
    <View className='quiz-stats__item'>
      <Text className='quiz-stats__value quiz-stats__value--brand'>{value}</Text>
      <Text className='quiz-stats__label'>{best !== null && best !== score ? `排名（最佳 ${best} 分）` : '当前排名'}</Text>
    </View>
  );
}

function ReviewRow({ item, index }: { item: ReviewItem; index: number }) {
  return (
    <View className='quiz-review'>
      <View className='quiz-review__head'>
        <Text className='quiz-review__stem'>
          {index + 1}. {item.stem}
        </Text>
        <Tag text={item.isCorrect ? '答对' : item.chosen.length === 0 ? '未答' : '答错'} tone={item.isCorrect ? 'grey' : 'red'} />
      </View>
      {item.options.map((option, optionIndex) => {
        const isCorrect = item.correct.includes(optionIndex);
        const isChosen = item.chosen.includes(optionIndex);
        const tone = isCorrect ? ' quiz-review__option--correct' : isChosen ? ' quiz-review__option--wrong' : '';
        const marks = [isChosen ? '你的选择' : '', isCorrect ? '正确答案' : ''].filter(Boolean).join(' · ');
        return (
          <View key={optionIndex} className={`quiz-review__option${tone}`}>
            <Text className='quiz-review__option-text'>
              {OPTION_LETTERS[optionIndex] ?? optionIndex + 1}. {option}
            </Text>
            {marks ? <Text className='quiz-review__mark'>{marks}</Text> : null}
          </View>
        );
      })}
      <Text className='quiz-review__explanation'>解析：{item.explanation}</Text>
    </View>
  );
}

function Review({ review }: { review: ReviewItem[] }) {
  const [onlyWrong, setOnlyWrong] = useState(false);
  const wrongCount = review.filter((item) => !item.isCorrect).length;
  const shown = review.map((item, index) => ({ item, index })).filter(({ item }) => !onlyWrong || !item.isCorrect);
  return (
    <Section
      title='答题解析'
      extra={
        wrongCount > 0 ? { text: onlyWrong ? '查看全部' : `只看错题（${wrongCount}）`, onClick: () => setOnlyWrong(!onlyWrong) } : undefined
      }
      status='ready'
      isEmpty={shown.length === 0}
      emptyTitle='没有错题'
    >
      {shown.map(({ item, index }) => (
        <ReviewRow key={item.questionId} item={item} index={index} />
      ))}
    </Section>
  );
}

function ResultContent() {
  const { params } = useRouter();
  const attemptId = params.attemptId ?? '';
  const result = useCloud('quiz', 'result', { attemptId });
  // The take page passes contestId so the rank loads alongside; otherwise it follows the result.
  const contestId = params.contestId ?? result.data?.contestId;

  if (result.status === 'loading') {
    return (
      <View className='ht-page__body'>
        <View className='ht-card'>
          <Skeleton rows={3} />
        </View>
      </View>
    );
  }
  if (result.status === 'error' || !result.data) {
    return (
      <View className='ht-page__body'>
        <View className='ht-card'>
          <ErrorState message={result.error?.message ?? '加载失败'} onRetry={result.reload} />
          <ActionButton variant='plain' onClick={() => goToTab('quiz')}>
            返回
          </ActionButton>
        </View>
      </View>
    );
  }
  const data = result.data;
  return (
    <View className='quiz-result'>
      <View className='quiz-score'>
        <Text className='quiz-score__label'>本次得分</Text>
        <Text className='quiz-score__value'>
          {data.score}
          <Text className='quiz-score__max'> / {data.maxScore} 分</Text>
        </Text>
        <Text className='quiz-score__cheer'>{cheer(data)}</Text>
      </View>
      <View className='quiz-result__body'>
        <View className='quiz-stats'>
          <View className='quiz-stats__item'>
            <Text className='quiz-stats__value'>
              {data.correctCount}/{data.questionCount}
            </Text>
            <Text className='quiz-stats__label'>答对题数</Text>
          </View>
          <View className='quiz-stats__item'>
            <Text className='quiz-stats__value'>{formatTaken(data.durationMs)}</Text>
            <Text className='quiz-stats__label'>用时</Text>
          </View>
          {contestId ? <RankStat contestId={contestId} score={data.score} /> : null}
        </View>
        {data.autoSubmitted ? (
          <View className='quiz-result__alert' role='alert'>
            <Text>切出页面的次数超过了竞赛允许的次数，系统已自动交卷，按当时已作答的内容计分。</Text>
          </View>
        ) : null}
        {data.onTime ? null : <Text className='quiz-result__note'>超过答题时限后提交，按截止时间计分。</Text>}
        {data.switchCount > 0 && !data.autoSubmitted ? (
          <Text className='quiz-result__note'>本次作答切出页面 {data.switchCount} 次，已记录。</Text>
        ) : null}
        {data.review ? <Review review={data.review} /> : null}
        {!data.review && data.reviewAvailableAt ? (
          <Text className='quiz-result__note'>答案与解析将在竞赛结束后（{formatDateTime(data.reviewAvailableAt)}）公布。</Text>
        ) : null}
        <View className='quiz-actions'>
          <ActionButton onClick={() => void Taro.navigateTo({ url: boardUrl(data.contestId) })}>查看排行榜</ActionButton>
          <ActionButton variant='plain' onClick={() => goToTab('quiz')}>
            返回
          </ActionButton>
        </View>
      </View>
    </View>
  );
}

export default function QuizResultPage() {
  return (
    <PageShell>
      <ResultContent />
    </PageShell>
  );
}
