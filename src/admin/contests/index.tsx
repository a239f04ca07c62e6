import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AdminContest, ContestAdminStatus } from '../../../types/contracts/quiz';
import type { Result } from '../../../types/result';
import { ActionButton } from '../../components/ActionButton';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Segments, type Segment } from '../../components/Segments';
import { Tag } from '../../components/Tag';
import { reviewPolicyText } from '../../quiz/contestRules';
import { callFunction } from '../../services/cloud';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { formatTimeRange } from '../../utils/format';
import { toast } from '../../utils/toast';
import { contestFormUrl, contestResultsUrl } from '../contest/routes';
import { showPublished } from '../contest/published';
import '../admin.css';
import '../contest/contest.css';

const STATUS_LABELS: Record<ContestAdminStatus, string> = { draft: '草稿', upcoming: '未开始', open: '进行中', closed: '已结束' };
const TAB_ORDER: readonly ContestAdminStatus[] = ['draft', 'upcoming', 'open', 'closed'];
const EMPTY_TEXT: Record<ContestAdminStatus, string> = {
  draft: '没有草稿',
  upcoming: '没有未开始的竞赛',
  open: '没有进行中的竞赛',
  closed: '没有已结束的竞赛',
};

function open(url: string): void {
  void Taro.navigateTo({ url });
}

/** Asks before an action members notice; false when the organiser backs out or the dialog fails. */
async function confirmAction(title: string, content: string, confirmText: string): Promise<boolean> {
  try {
    const reply = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#C8161D' });
    return reply.confirm;
  } catch {
    return false;
  }
}

function statsText(contest: AdminContest): string {
  if (contest.participantCount === 0) return '暂无人交卷';
  return `参与 ${contest.participantCount} 人 · 平均 ${(contest.averageScore ?? 0).toFixed(1)} 分`;
}

function rulesText(contest: AdminContest): string {
  const time =
    contest.pace === 'perQuestion' && contest.secondsPerQuestion !== null
      ? `逐题限时 ${contest.secondsPerQuestion} 秒`
      : `限时 ${Math.round(contest.timeLimitSec / 60)} 分钟`;
  const switches = contest.maxSwitches === null ? '切屏只记录' : `切屏超 ${contest.maxSwitches} 次交卷`;
  return `${contest.questionCount} 题 · ${time} · 可答 ${contest.attemptsAllowed} 次 · ${switches}`;
}

interface ContestRowProps {
  contest: AdminContest;
  /** Runs one organiser action; the list reloads after it succeeded. */
  act: (run: () => Promise<Result<unknown>>, done: () => Promise<void> | void) => Promise<void>;
  busy: boolean;
}

/** One contest with the actions its status allows: edit before it opens, withdraw, close early, duplicate. */
function ContestRow({ contest, act, busy }: ContestRowProps) {
  const contestId = contest.id;
  const publish = () =>
    act(
      () => callFunction('quiz', 'publishContest', { contestId }),
      () => showPublished(contest),
    );
  const withdraw = async () => {
    if (!(await confirmAction('撤回竞赛', '撤回后党员将看不到这场竞赛，它回到草稿，可修改后再发布。', '撤回'))) return;
    await act(
      () => callFunction('quiz', 'withdrawContest', { contestId }),
      () => toast('已撤回为草稿', 'success'),
    );
  };
  const close = async () => {
    const content = '提前结束后党员不能再开始作答，正在作答的按现在的答案交卷。此操作不能撤销。';
    if (!(await confirmAction('提前结束竞赛', content, '结束竞赛'))) return;
    await act(
      () => callFunction('quiz', 'closeContest', { contestId }),
      () => toast('竞赛已结束', 'success'),
    );
  };
  const duplicate = () =>
    act(
      () => callFunction('quiz', 'duplicateContest', { contestId }),
      () => toast('已复制为草稿', 'success'),
    );

  const editable = contest.status === 'draft' || contest.status === 'upcoming';
  const started = contest.status === 'open' || contest.status === 'closed';
  return (
    <View className='admin-contest'>
      <View className='admin-contest__head'>
        <Text className='admin-contest__title'>{contest.title}</Text>
        <Tag text={contest.closedEarly ? '提前结束' : STATUS_LABELS[contest.status]} tone={contest.status === 'open' ? 'red' : 'grey'} />
      </View>
      <Text className='admin-contest__line'>{formatTimeRange(contest.startAt, contest.endAt)}</Text>
      <Text className='admin-contest__line'>{rulesText(contest)}</Text>
      <Text className='admin-contest__line'>{reviewPolicyText(contest.review)}</Text>
      <Text className='admin-contest__stats'>{statsText(contest)}</Text>
      <View className='admin-contest__actions'>
        {started ? (
          <ActionButton size='small' onClick={() => open(contestResultsUrl(contestId))}>
            查看成绩
          </ActionButton>
        ) : null}
        {contest.status === 'draft' ? (
          <ActionButton size='small' disabled={busy} onClick={() => void publish()}>
            发布
          </ActionButton>
        ) : null}
        {editable ? (
          <ActionButton size='small' variant='plain' onClick={() => open(contestFormUrl(contestId))}>
            编辑
          </ActionButton>
        ) : null}
        {contest.status === 'upcoming' ? (
          <ActionButton size='small' variant='plain' disabled={busy} onClick={() => void withdraw()}>
            撤回
          </ActionButton>
        ) : null}
        {contest.status === 'open' ? (
          <ActionButton size='small' variant='plain' disabled={busy} onClick={() => void close()}>
            提前结束
          </ActionButton>
        ) : null}
        <ActionButton size='small' variant='plain' disabled={busy} onClick={() => void duplicate()}>
          复制
        </ActionButton>
      </View>
    </View>
  );
}

/** 竞赛管理: every contest of the organisation by its organiser status, with participation and average. */
function ContestList() {
  const contests = useCloud('quiz', 'adminContests', {});
  useReloadOnShow(contests.reload);
  const [tab, setTab] = useState<ContestAdminStatus>('open');
  const [busy, setBusy] = useState(false);
  const items = contests.data?.items ?? [];
  const segments: ReadonlyArray<Segment<ContestAdminStatus>> = TAB_ORDER.map((status) => ({
    key: status,
    label: STATUS_LABELS[status],
    count: contests.data ? items.filter((item) => item.status === status).length : undefined,
  }));
  const shown = items.filter((item) => item.status === tab);

  const act: ContestRowProps['act'] = async (run, done) => {
    if (busy) return;
    setBusy(true);
    const result = await run();
    setBusy(false);
    if (!result.ok) return;
    await done();
    contests.reload();
  };

  return (
    <View className='ht-page__body'>
      <View className='admin-contests__top'>
        <ActionButton onClick={() => open(contestFormUrl())}>新建竞赛</ActionButton>
      </View>
      <Segments segments={segments} value={tab} onChange={setTab} />
      <Section
        title={`${STATUS_LABELS[tab]}的竞赛`}
        status={contests.status}
        isEmpty={shown.length === 0}
        emptyTitle={EMPTY_TEXT[tab]}
        errorMessage={contests.error?.message}
        onRetry={contests.reload}
      >
        {shown.map((contest) => (
          <ContestRow key={contest.id} contest={contest} act={act} busy={busy} />
        ))}
      </Section>
    </View>
  );
}

export default function AdminContestsPage() {
  return (
    <PageShell>
      <ContestList />
    </PageShell>
  );
}
