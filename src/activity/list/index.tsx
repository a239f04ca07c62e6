import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PROGRAMME_ITEM_KEYS, type ProgrammeItemKey } from '../../../types/labels';
import { ActivityList } from '../../components/ActivityList';
import { MembershipGate } from '../../components/MembershipGate';
import { PageShell } from '../../components/PageShell';
import { Segments, type Segment } from '../../components/Segments';
import { useMembership } from '../../services/membership';
import { ITEM_SHORT_LABELS } from '../../stats/labels';
import '../activity.css';

type Scope = 'upcoming' | 'past';

const SEGMENTS: Segment<Scope>[] = [
  { key: 'upcoming', label: '即将开始' },
  { key: 'past', label: '往期' },
];

/** The route's `countsFor`, when it names a 六个一 item; anything else shows the list unfiltered. */
function itemOf(param: string | undefined): ProgrammeItemKey | undefined {
  return PROGRAMME_ITEM_KEYS.find((key) => key === param);
}

function emptyCopy(scope: Scope, item: ProgrammeItemKey | undefined): { title: string; description: string } {
  const what = item === undefined ? '活动' : `计入“${ITEM_SHORT_LABELS[item]}”的活动`;
  return scope === 'upcoming'
    ? { title: `近期没有${what}`, description: '支部发布新活动后会显示在这里' }
    : { title: `还没有往期的${what}`, description: '结束的活动会显示在这里' };
}

/**
 * The activities a member can join, opened from 我的六个一's 去完成 with the item in the route
 * (`countsFor`): the list shows only activities that count for it, says so in a chip, and the chip
 * removed shows them all.
 */
function FilteredActivities() {
  const { params } = useRouter();
  const [item, setItem] = useState(itemOf(params.countsFor));
  const [scope, setScope] = useState<Scope>('upcoming');
  const copy = emptyCopy(scope, item);
  return (
    <>
      <Segments segments={SEGMENTS} value={scope} onChange={setScope} />
      {item === undefined ? null : (
        <View className='ht-chips' role='group' aria-label='筛选条件'>
          <View className='ht-chip ht-chip--active activity-filter-chip'>
            <Text>只看：{ITEM_SHORT_LABELS[item]}</Text>
            <View
              className='activity-filter-chip__remove'
              role='button'
              aria-label={`取消只看${ITEM_SHORT_LABELS[item]}`}
              onClick={() => setItem(undefined)}
            >
              <Text>×</Text>
            </View>
          </View>
        </View>
      )}
      <ActivityList
        key={`${scope}-${item ?? 'all'}`}
        scope={scope}
        countsFor={item}
        title={SEGMENTS.find((segment) => segment.key === scope)?.label ?? ''}
        emptyTitle={copy.title}
        emptyDescription={copy.description}
      />
    </>
  );
}

export default function ActivityListPage() {
  // Activities belong to branches: until someone is an active member there is nothing they could join.
  const membership = useMembership();
  return (
    <PageShell>
      <View className='ht-page__body'>
        <MembershipGate state={membership}>{() => <FilteredActivities />}</MembershipGate>
      </View>
    </PageShell>
  );
}
