import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActionOutput } from '../../../types/contracts';
import { ManagerGate } from '../../components/ManagerGate';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { percent, rateOf } from '../format';
import { AsOfLine, FigureGrid, Loaded, NoProgramme, RateBar } from '../parts';
import { dashboardUrl } from '../routes';
import { LedgerExport } from './LedgerExport';
import '../stats.css';

type RankedBranch = ActionOutput<'stats', 'orgRanking'>['branches'][number];

/** Ranked first by rank; branches without members have none and come last, by name. */
function byRank(a: RankedBranch, b: RankedBranch): number {
  if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
  if (a.rank !== null) return -1;
  if (b.rank !== null) return 1;
  return a.branchName.localeCompare(b.branchName, 'zh-CN');
}

/** The org's totals: the same rate as a branch's, over every member of every branch. */
function orgFigures(branches: RankedBranch[], items: number) {
  const members = branches.reduce((sum, branch) => sum + branch.members, 0);
  const itemsDone = branches.reduce((sum, branch) => sum + Object.values(branch.itemsDone).reduce((total, count) => total + count, 0), 0);
  const complete = branches.reduce((sum, branch) => sum + branch.membersComplete, 0);
  return [
    { label: '党支部', value: `${branches.length}` },
    { label: '党员', value: `${members}` },
    { label: '六个一完成率', value: percent(rateOf(itemsDone, members * items)) },
    { label: '全部完成', value: `${complete} 人` },
  ];
}

function BranchRow({ branch }: { branch: RankedBranch }) {
  const label = branch.rank === null ? `— ${branch.branchName}` : `${branch.rank}. ${branch.branchName}`;
  const detail = branch.members > 0 ? `${branch.membersComplete}/${branch.members} 人全部完成` : '暂无党员';
  return (
    <View className='stats-rank-row'>
      <RateBar
        label={label}
        detail={detail}
        rate={branch.completionRate}
        onClick={() => void Taro.navigateTo({ url: dashboardUrl(branch.branchId) })}
      />
    </View>
  );
}

function Ranking() {
  const ranking = useCloud('stats', 'orgRanking', {});
  useReloadOnShow(ranking.reload);
  return (
    <Loaded state={ranking}>
      {({ programme, branches, asOf }) => {
        if (!programme) return <NoProgramme description='先在“学习活动方案”中新建方案，各支部的完成情况会在这里排名' />;
        const ranked = [...branches].sort(byRank);
        return (
          <>
            <View className='ht-card stats-headline'>
              <Text className='ht-card__title'>{programme.title}</Text>
              <AsOfLine asOf={asOf} />
              <LedgerExport programmeId={programme.id} />
            </View>
            <Section title='全组织' status='ready'>
              <FigureGrid figures={orgFigures(branches, programme.items.length)} />
            </Section>
            <Section
              title='支部排名（按“六个一”完成率）'
              status='ready'
              isEmpty={ranked.length === 0}
              emptyTitle='还没有支部数据'
              emptyDescription='数据每分钟更新一次'
            >
              <Text className='stats-note'>完成率 = 已完成的项目 ÷（党员数 × 项目数），与支部大小无关；点支部查看看板</Text>
              {ranked.map((branch) => (
                <BranchRow key={branch.branchId} branch={branch} />
              ))}
            </Section>
          </>
        );
      }}
    </Loaded>
  );
}

/** 支部排名与台账 (org admins). */
export default function OrgRankingPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ManagerGate orgAdminOnly deniedDescription='组织部查看各支部的排名并导出台账。'>
          {() => <Ranking />}
        </ManagerGate>
      </View>
    </PageShell>
  );
}
