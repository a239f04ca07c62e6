import { Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import { BranchListPending } from '../../components/BranchListPending';
import { Empty } from '../../components/Empty';
import { ManagerGate } from '../../components/ManagerGate';
import { PageShell } from '../../components/PageShell';
import { useOrgBranches } from '../../services/orgBranches';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { Loaded, NoProgramme } from '../parts';
import { BehindMembers } from './BehindMembers';
import { ReportQueue } from './ReportQueue';
import { BranchSummaryView } from './Summary';
import '../stats.css';

/** Org admins look at any branch; the picker lists every 党支部 in the org tree. */
function BranchPicker({ value, onChange }: { value: string; onChange: (branchId: string) => void }) {
  const tree = useOrgBranches();
  if (tree.status !== 'ready') return <BranchListPending tree={tree} className='stats-branch-picker stats-branch-picker--muted' />;
  const index = Math.max(
    tree.branches.findIndex((branch) => branch.id === value),
    0,
  );
  return (
    <Picker
      mode='selector'
      name='branch'
      range={tree.branches.map((branch) => branch.name)}
      value={index}
      onChange={(event) => {
        const chosen = tree.branches[Number(event.detail.value)];
        if (chosen) onChange(chosen.id);
      }}
    >
      <View className='stats-branch-picker'>
        <Text className='stats-branch-picker__label'>支部：</Text>
        <Text className='stats-branch-picker__value'>{tree.branches[index]?.name ?? '请选择'}</Text>
        <Text className='stats-branch-picker__arrow'>▾</Text>
      </View>
    </Picker>
  );
}

function Dashboard({ viewer }: { viewer: MemberView }) {
  const { branchId: opened } = useRouter().params;
  const orgAdmin = viewer.role === 'org_admin';
  // A secretary's dashboard is always their own branch: the function decides which, so none is sent.
  const [branchId, setBranchId] = useState<string | undefined>(orgAdmin ? (opened ?? viewer.branchId) : undefined);
  const dashboard = useCloud('stats', 'branchDashboard', branchId ? { branchId } : {});
  useReloadOnShow(dashboard.reload);
  return (
    <>
      {orgAdmin && branchId ? <BranchPicker value={branchId} onChange={setBranchId} /> : null}
      <Loaded state={dashboard}>
        {({ programme, summary, months, asOf }) => {
          if (!programme) return <NoProgramme description='组织部发布学习活动方案后，这里显示支部的完成情况' />;
          return (
            <>
              {summary ? (
                <BranchSummaryView programme={programme} summary={summary} months={months} asOf={asOf} />
              ) : (
                <View className='ht-section'>
                  <Empty title='还没有统计数据' description='数据每分钟更新一次，请稍后再来看' />
                </View>
              )}
              <BehindMembers key={`${programme.id}-${branchId ?? ''}`} programme={programme} branchId={branchId} />
            </>
          );
        }}
      </Loaded>
      <ReportQueue />
    </>
  );
}

/** 支部看板: a secretary's own branch, any branch for the org. */
export default function BranchDashboardPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ManagerGate deniedDescription='支部书记查看本支部的完成情况，组织部可以查看各支部。'>
          {(viewer) => <Dashboard viewer={viewer} />}
        </ManagerGate>
      </View>
    </PageShell>
  );
}
