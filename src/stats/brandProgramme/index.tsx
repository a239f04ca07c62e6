import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { stageReached } from '../../../core/brand/stage';
import type { BrandProgrammeView } from '../../../types/contracts/brand';
import type { MemberView } from '../../../types/contracts/member';
import type { BrandKey, BrandStage } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { Empty } from '../../components/Empty';
import { MembershipGate } from '../../components/MembershipGate';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { callFunction } from '../../services/cloud';
import { useMembership } from '../../services/membership';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { toast } from '../../utils/toast';
import { findBrandProgramme } from '../brandKit/load';
import { RecordNotReady } from '../parts';
import { useRecord } from '../records';
import { programmeTallies, QuotaChips, StageChip, StageTimeline, type BrandTally } from '../brandKit/parts';
import { formatDeadline, stageAt } from '../brandKit/text';
import { brandEditUrl, nominateUrl } from '../routes';
import { BrandBoard, QuotaProgress } from './Board';
import { NominationList } from './Nominations';
import '../stats.css';

function Heading({ programme, stage, orgAdmin }: { programme: BrandProgrammeView; stage: BrandStage; orgAdmin: boolean }) {
  return (
    <View className='ht-card brand-heading'>
      <View className='brand-heading__title'>
        <Text className='ht-card__title'>{programme.title}</Text>
        <StageChip stage={stage} />
      </View>
      {programme.description ? <Text className='brand-heading__description'>{programme.description}</Text> : null}
      <StageTimeline programme={programme} stage={stage} />
      <Text className='stats-note'>截止时间均为北京时间</Text>
      {orgAdmin ? (
        <ActionButton size='small' variant='plain' onClick={() => void Taro.navigateTo({ url: brandEditUrl(programme.id) })}>
          编辑方案
        </ActionButton>
      ) : null}
    </View>
  );
}

/** Members: from 评议 on, every unit's nominations to rate; before it, when that opens. */
function MemberProgramme({ programme, stage, member }: { programme: BrandProgrammeView; stage: BrandStage; member: MemberView }) {
  if (!stageReached(stage, 'rating')) {
    return (
      <View className='ht-section'>
        <Empty title='评议尚未开始' description={`互查 ${formatDeadline(programme.reviewEndsAt)} 结束后，可在这里查看各单位的申报并评分`} />
      </View>
    );
  }
  return (
    <NominationList
      programme={programme}
      stage={stage}
      member={member}
      kind='all'
      title={stage === 'rating' ? '群众评议' : '各单位申报'}
      emptyTitle='还没有申报'
    />
  );
}

/** 分配互查 (org admins, during 互查): each nomination gets a reviewing unit; running it again changes nothing. */
function AssignReviews({ programme, onAssigned }: { programme: BrandProgrammeView; onAssigned: () => void }) {
  const [busy, setBusy] = useState(false);
  const assign = async () => {
    if (busy) return;
    setBusy(true);
    const result = await callFunction('stats', 'assignPeerReviews', { programmeId: programme.id });
    setBusy(false);
    if (!result.ok) return;
    const { nominations, assigned } = result.data;
    toast(nominations === 0 ? '还没有申报可分配' : `已分配 ${assigned} 项，共 ${nominations} 项`, 'success');
    onAssigned();
  };
  return (
    <ActionButton loading={busy} onClick={() => void assign()}>
      分配互查
    </ActionButton>
  );
}

/** Secretaries and org admins: the board's numbers, and what each does at this stage. */
function ManagerProgramme({ programme, stage, member }: { programme: BrandProgrammeView; stage: BrandStage; member: MemberView }) {
  const board = useCloud('stats', 'brandBoard', { programmeId: programme.id });
  // Lists are read again when they come back into view (a nomination made or edited) or after 分配互查.
  const [version, setVersion] = useState(0);
  const refresh = () => {
    setVersion((count) => count + 1);
    board.reload();
  };
  useReloadOnShow(refresh);
  const [tallies, setTallies] = useState<BrandTally[]>(() => programmeTallies(programme));
  const setTally = (next: BrandTally) => setTallies((previous) => previous.map((tally) => (tally.key === next.key ? next : tally)));
  const markFull = (key: BrandKey) =>
    setTallies((previous) =>
      previous.map((tally) => (tally.key === key ? { ...tally, selected: Math.max(tally.selected, tally.selectTotal) } : tally)),
    );

  const orgAdmin = member.role === 'org_admin';
  const common = { programme, stage, member, onChanged: board.reload };
  return (
    <>
      {orgAdmin ? (
        <Section title='评选名额' status='ready'>
          <QuotaChips brands={tallies} />
          {stage === 'apply' ? (
            <View className='brand-actions'>
              <Text className='stats-note'>各支部书记申报本支部的品牌；需要时组织部可代单位申报</Text>
              <ActionButton variant='plain' onClick={() => void Taro.navigateTo({ url: nominateUrl(programme.id) })}>
                代单位申报
              </ActionButton>
            </View>
          ) : null}
          {stage === 'review' ? (
            <View className='brand-actions'>
              <Text className='stats-note'>申报已截止：为每项申报分配一个其他支部互查，可重复执行</Text>
              <AssignReviews programme={programme} onAssigned={refresh} />
            </View>
          ) : null}
        </Section>
      ) : null}
      {!orgAdmin && stage === 'apply' ? <QuotaProgress board={board} programme={programme} branchId={member.branchId} /> : null}
      {!orgAdmin && stage === 'review' ? (
        <NominationList
          key={`assigned-${version}`}
          {...common}
          kind='assigned'
          title='分配给本支部互查'
          emptyTitle='还没有分配给本支部的申报'
          emptyDescription='组织部分配互查后，会在这里打分'
        />
      ) : null}
      {!orgAdmin && !stageReached(stage, 'rating') ? (
        <NominationList key={`mine-${version}`} {...common} kind='mine' title='本支部的申报' emptyTitle='本支部还没有申报' />
      ) : (
        <NominationList
          key={`all-${version}`}
          {...common}
          kind='all'
          title={orgAdmin ? '全部申报' : stage === 'rating' ? '群众评议' : '各单位申报'}
          emptyTitle='还没有申报'
          tallies={tallies}
          onTally={setTally}
          onFull={markFull}
        />
      )}
      <BrandBoard board={board} orgAdmin={orgAdmin} />
    </>
  );
}

function Programme({ id, member }: { id: string; member: MemberView }) {
  const { state, reload } = useRecord(() => findBrandProgramme(id), id);
  if (state.status !== 'ready') {
    return <RecordNotReady state={state} onRetry={reload} />;
  }
  const programme = state.data;
  // The phone's clock decides what is offered; the server decides again on every call (core/brand/stage.ts).
  const stage = stageAt(programme, Date.now());
  const manager = member.role === 'secretary' || member.role === 'org_admin';
  return (
    <>
      <Heading programme={programme} stage={stage} orgAdmin={member.role === 'org_admin'} />
      {manager ? (
        <ManagerProgramme programme={programme} stage={stage} member={member} />
      ) : (
        <MemberProgramme programme={programme} stage={stage} member={member} />
      )}
    </>
  );
}

/** 四红方案: the stages, and by stage and role 申报, 互查, 评议, 验收 and 择优, with the units' board. */
export default function BrandProgrammePage() {
  const { id } = useRouter().params;
  const membership = useMembership();
  return (
    <PageShell>
      <View className='ht-page__body'>
        {id ? (
          <MembershipGate state={membership}>{(member) => <Programme id={id} member={member} />}</MembershipGate>
        ) : (
          <View className='ht-section'>
            <Empty title='请从四红品牌列表进入' />
          </View>
        )}
      </View>
    </PageShell>
  );
}
