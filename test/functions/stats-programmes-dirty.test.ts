/**
 * Membership changes that leave no event the statistics' aggregator finds by time mark the branches
 * it must rebuild (stats_dirty): a transfer both the old and the new branch, 注销 the member's branch.
 */
import type { StatsDirtyDoc } from '../../server/statsDirty.repository';
import { useServerClock } from '../support/clock';
import { createTestEnv, type TestEnv } from '../support/localEnv';
import { documentsOf } from './stats-programmes.fixtures';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  env = createTestEnv({ now: clock.now() });
});

describe('统计的待重建标记', () => {
  it('组织关系转接标记转出和转入两个支部', async () => {
    await env.ok('demo-admin', 'member', 'transfer', { memberId: 'm-demo-member', toBranchId: 'branch-2', reason: '工作调动' });
    const markers = await documentsOf<StatsDirtyDoc>('stats_dirty');
    expect(markers.map((marker) => marker._id).sort()).toEqual(['branch-1', 'branch-2']);
    expect(markers.every((marker) => marker.markedAt.getTime() === clock.now().getTime())).toBe(true);
  });

  it('注销标记本人所在支部；被拒绝的转接不留标记', async () => {
    const refused = await env.call('demo-secretary', 'member', 'transfer', {
      memberId: 'm-seed-member-02',
      toBranchId: 'branch-1',
      reason: '调动',
    });
    expect(refused.result.ok).toBe(false);
    expect(await documentsOf('stats_dirty')).toEqual([]);
    await env.ok('demo-member', 'member', 'deleteMine', { confirm: '注销' });
    expect((await documentsOf<StatsDirtyDoc>('stats_dirty')).map((marker) => marker._id)).toEqual(['branch-1']);
  });
});
