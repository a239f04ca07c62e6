import { View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { BrandProgrammeView } from '../../../types/contracts/brand';
import type { MemberView } from '../../../types/contracts/member';
import { BRAND_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { Cell } from '../../components/Cell';
import { MembershipGate } from '../../components/MembershipGate';
import { PagedSection } from '../../components/PagedSection';
import { PageShell } from '../../components/PageShell';
import { callFunction } from '../../services/cloud';
import { useMembership } from '../../services/membership';
import { usePagedList } from '../../services/usePagedList';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { StageChip } from '../brandKit/parts';
import { nextDeadlineText, stageAt } from '../brandKit/text';
import { brandEditUrl, brandProgrammeUrl } from '../routes';
import '../stats.css';

function fetchProgrammes(cursor?: string) {
  return callFunction('stats', 'brandProgrammes', { pageSize: 20, cursor }, { silentError: cursor === undefined });
}

/** `2026 年度 · 红色园丁、红色书屋… · 申报 6月26日截止`. */
function programmeLine(programme: BrandProgrammeView, nowMs: number): string {
  const brands = programme.brands.map((brand) => BRAND_LABELS[brand.key]).join('、');
  return `${programme.year} 年度 · ${brands} · ${nextDeadlineText(programme, stageAt(programme, nowMs))}`;
}

function BrandProgrammes({ member }: { member: MemberView }) {
  const list = usePagedList(fetchProgrammes);
  // Back from the form or a programme: a new programme, or one whose stage moved on.
  useReloadOnShow(() => void list.reload());
  useReachBottom(list.loadMore);
  const open = (url: string) => void Taro.navigateTo({ url });
  const nowMs = Date.now();
  return (
    <>
      {member.role === 'org_admin' ? (
        <View className='ht-card'>
          <ActionButton onClick={() => open(brandEditUrl())}>新建四红方案</ActionButton>
        </View>
      ) : null}
      <PagedSection
        list={list}
        title='四红品牌创建'
        emptyTitle='还没有四红方案'
        emptyDescription={
          member.role === 'org_admin'
            ? '新建方案，定好红色园丁、书屋、课堂、基地的推荐数量、评选名额和各阶段截止时间'
            : '组织部发布四红品牌创建方案后，会在这里申报、互查和评议'
        }
        itemKey={(programme) => programme.id}
        renderItem={(programme) => (
          <Cell
            title={programme.title}
            description={programmeLine(programme, nowMs)}
            value={<StageChip stage={stageAt(programme, nowMs)} />}
            onClick={() => open(brandProgrammeUrl(programme.id))}
          />
        )}
      />
    </>
  );
}

/** 四红品牌: the brand programmes, newest first, each with its stage now and the deadline that closes it. */
export default function BrandProgrammesPage() {
  const membership = useMembership();
  return (
    <PageShell>
      <View className='ht-page__body'>
        <MembershipGate state={membership}>{(member) => <BrandProgrammes member={member} />}</MembershipGate>
      </View>
    </PageShell>
  );
}
