import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { BrandNominationView, BrandProgrammeView } from '../../../types/contracts/brand';
import type { MemberView } from '../../../types/contracts/member';
import type { BrandKey, BrandStage } from '../../../types/labels';
import { stageReached } from '../../../core/brand/stage';
import { ActionButton } from '../../components/ActionButton';
import { PagedSection } from '../../components/PagedSection';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import type { BrandTally } from '../brandKit/parts';
import { nominateUrl } from '../routes';
import { NominationCard } from './NominationCard';
import { AcceptancePanel, BrandRatingPanel, PeerReviewPanel, SelectPanel } from './Panels';

/** Which nominations a list holds: the caller's unit's, those its unit reviews in 互查, or every unit's. */
export type ListKind = 'mine' | 'assigned' | 'all';

interface NominationListProps {
  programme: BrandProgrammeView;
  stage: BrandStage;
  member: MemberView;
  kind: ListKind;
  title: string;
  emptyTitle: string;
  emptyDescription?: string;
  /** Org admins: each brand's places, for 择优. */
  tallies?: readonly BrandTally[];
  onTally?: (tally: BrandTally) => void;
  onFull?: (key: BrandKey) => void;
  /** Something was decided: the board's numbers moved. */
  onChanged?: () => void;
}

/** One paged list of nominations with, on each, the panel the caller's role and the stage allow. */
export function NominationList({
  programme,
  stage,
  member,
  kind,
  title,
  emptyTitle,
  emptyDescription,
  tallies = [],
  onTally = () => undefined,
  onFull = () => undefined,
  onChanged = () => undefined,
}: NominationListProps) {
  const list = usePagedList((cursor?: string) =>
    callFunction(
      'stats',
      'nominations',
      { programmeId: programme.id, pageSize: 20, cursor, ...(kind === 'assigned' ? { assignedToMe: true } : {}) },
      { silentError: cursor === undefined },
    ),
  );
  useReachBottom(list.loadMore);
  // What this page changed since the page was read: the server's answer replaces the listed copy.
  const [patched, setPatched] = useState<Record<string, BrandNominationView>>({});
  const changed = (nomination: BrandNominationView) => {
    setPatched((previous) => ({ ...previous, [nomination.id]: nomination }));
    onChanged();
  };

  const orgAdmin = member.role === 'org_admin';
  const actions = (nomination: BrandNominationView) => (
    <>
      {nomination.can.edit ? (
        <ActionButton
          size='small'
          variant='plain'
          onClick={() => void Taro.navigateTo({ url: nominateUrl(programme.id, { id: nomination.id }) })}
        >
          修改申报
        </ActionButton>
      ) : null}
      {kind === 'assigned' && nomination.can.review ? <PeerReviewPanel nomination={nomination} onChanged={changed} /> : null}
      {stage === 'rating' && kind === 'all' ? (
        <BrandRatingPanel nomination={nomination} ownUnit={nomination.branchId === member.branchId} onChanged={changed} />
      ) : null}
      {orgAdmin && stage === 'acceptance' && nomination.status !== 'selected' ? (
        <AcceptancePanel nomination={nomination} onChanged={changed} />
      ) : null}
      {orgAdmin && stageReached(stage, 'acceptance') && (nomination.status === 'accepted' || nomination.status === 'selected') ? (
        <SelectPanel
          nomination={nomination}
          tally={tallies.find((tally) => tally.key === nomination.brand)}
          onChanged={changed}
          onTally={onTally}
          onFull={onFull}
        />
      ) : null}
    </>
  );

  return (
    <PagedSection
      list={{ ...list, items: list.items.map((item) => patched[item.id] ?? item) }}
      title={title}
      emptyTitle={emptyTitle}
      emptyDescription={emptyDescription}
      itemKey={(nomination) => nomination.id}
      renderItem={(nomination) => (
        <NominationCard nomination={nomination} showRating={stageReached(stage, 'rating')}>
          {actions(nomination)}
        </NominationCard>
      )}
    />
  );
}
