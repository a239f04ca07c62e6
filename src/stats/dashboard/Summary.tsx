import { Text, View } from '@tarojs/components';
import type { BranchSummary, MonthRow, ProgrammeView } from '../../../types/contracts/stats';
import { Section } from '../../components/Section';
import { hours, percent, rateOf } from '../format';
import { AsOfLine, FigureGrid, RateBar, type Figure } from '../parts';

interface SummaryProps {
  programme: ProgrammeView;
  summary: BranchSummary;
  months: MonthRow[];
  asOf: string | null;
}

function figuresOf(summary: BranchSummary): Figure[] {
  return [
    { label: '党员', value: `${summary.members}` },
    { label: '六个一完成率', value: percent(summary.completionRate) },
    { label: '全部完成', value: `${summary.membersComplete} 人` },
    { label: '学时', value: hours(summary.studyHours) },
    { label: '积分', value: `${summary.points}` },
    { label: '签到', value: `${summary.checkins}` },
    { label: '投稿', value: `${summary.submissions}` },
    { label: '作品通过', value: `${summary.approvedWorks}` },
    { label: '获奖', value: `${summary.awards}` },
    { label: '开展活动', value: `${summary.activitiesHeld}` },
    { label: '报名未到', value: `${summary.noShows}` },
    { label: '答题参与', value: `${summary.quizParticipants} 人 · ${percent(rateOf(summary.quizParticipants, summary.members))}` },
    { label: '答题平均分', value: summary.quizAverage === null ? '—' : summary.quizAverage.toFixed(1) },
  ];
}

const MONTH_COLUMNS = [
  ['checkins', '签到'],
  ['submissions', '投稿'],
  ['approvedWorks', '通过'],
  ['activitiesHeld', '活动'],
  ['itemsDone', '完成项'],
  ['studyHours', '学时'],
] as const;

/** Month by month, newest last, with each month's check-ins as a bar against the busiest month. */
function MonthsTable({ months }: { months: MonthRow[] }) {
  const busiest = Math.max(1, ...months.map((row) => row.checkins));
  return (
    <View className='stats-months' role='table' aria-label='逐月情况'>
      <View className='stats-months__row stats-months__row--head' role='row'>
        <Text className='stats-months__month'>月份</Text>
        {MONTH_COLUMNS.map(([key, label]) => (
          <Text key={key} className='stats-months__cell'>
            {label}
          </Text>
        ))}
      </View>
      {months.map((row) => (
        <View key={row.month} className='stats-months__row' role='row' aria-label={row.month}>
          <Text className='stats-months__month'>{row.month.replace('-', '.')}</Text>
          {MONTH_COLUMNS.map(([key]) => (
            <Text key={key} className='stats-months__cell'>
              {key === 'studyHours' ? hours(row.studyHours) : row[key]}
            </Text>
          ))}
          <View className='stats-months__bar' style={{ width: percent(row.checkins / busiest) }} />
        </View>
      ))}
    </View>
  );
}

/** A branch's numbers: headline figures, each item's completion, the branch's quotas and the months. */
export function BranchSummaryView({ programme, summary, months, asOf }: SummaryProps) {
  return (
    <>
      <View className='ht-card stats-headline'>
        <Text className='ht-card__title'>{summary.branchName}</Text>
        <Text className='ht-card__text'>{programme.title}</Text>
        <AsOfLine asOf={asOf} />
      </View>
      <Section title='总体情况' status='ready'>
        <FigureGrid figures={figuresOf(summary)} />
      </Section>
      <Section title='各项完成情况' status='ready'>
        {programme.items.map((item) => {
          const done = summary.itemsDone[item.key] ?? 0;
          return (
            <RateBar key={item.key} label={item.title} detail={`${done}/${summary.members} 人`} rate={rateOf(done, summary.members)} />
          );
        })}
      </Section>
      {summary.quotas.length > 0 ? (
        <Section title='支部任务' status='ready'>
          {summary.quotas.map((quota) => (
            <RateBar
              key={quota.key}
              label={quota.label}
              detail={`${quota.done}/${quota.required}`}
              rate={rateOf(quota.done, quota.required)}
            />
          ))}
        </Section>
      ) : null}
      <Section title='逐月情况' status='ready' isEmpty={months.length === 0} emptyTitle='还没有按月的数据'>
        <MonthsTable months={months} />
      </Section>
    </>
  );
}
