import { View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { ProgrammeView } from '../../../types/contracts/stats';
import { ActionButton } from '../../components/ActionButton';
import { Cell } from '../../components/Cell';
import { ManagerGate } from '../../components/ManagerGate';
import { PageShell } from '../../components/PageShell';
import { PagedSection } from '../../components/PagedSection';
import { Tag } from '../../components/Tag';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { formatDate } from '../../utils/format';
import { programmeEditUrl } from '../routes';
import '../stats.css';

const STATE_LABELS: Record<ProgrammeView['state'], string> = { upcoming: '未开始', active: '进行中', ended: '已结束' };

function fetchProgrammes(cursor?: string) {
  return callFunction('stats', 'programmes', { pageSize: 20, cursor }, { silentError: cursor === undefined });
}

/** The window as the form picked it: an end at midnight is the day before's 24:00. */
function windowText(programme: ProgrammeView): string {
  const lastDay = new Date(new Date(programme.endsAt).getTime() - 1).toISOString();
  return `${formatDate(programme.startsAt)} – ${formatDate(lastDay)} · ${programme.items.length} 项`;
}

function Programmes() {
  const list = usePagedList(fetchProgrammes);
  // Back from the editor: a new or changed programme.
  useReloadOnShow(() => void list.reload());
  useReachBottom(list.loadMore);
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      <View className='ht-card'>
        <ActionButton onClick={() => open(programmeEditUrl())}>新建方案</ActionButton>
      </View>
      <PagedSection
        list={list}
        title='学习活动方案'
        emptyTitle='还没有方案'
        emptyDescription='新建方案，定好“六个一”每项怎样算完成、支部任务、学时目标和积分规则'
        itemKey={(programme) => programme.id}
        renderItem={(programme) => (
          <Cell
            title={programme.title}
            description={windowText(programme)}
            value={<Tag tone={programme.state === 'active' ? 'red' : 'grey'} text={STATE_LABELS[programme.state]} />}
            onClick={() => open(programmeEditUrl(programme.id))}
          />
        )}
      />
    </>
  );
}

/** 学习活动方案 (org admins): every programme, newest first, each opening its editor. */
export default function ProgrammesPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ManagerGate orgAdminOnly deniedDescription='学习活动方案由组织部制定。'>
          {() => <Programmes />}
        </ManagerGate>
      </View>
    </PageShell>
  );
}
