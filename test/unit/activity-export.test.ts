import { attendeeExportScope, branchesInTreeOrder, signUpRow, truncatedNote, walkInRow, walkInsOf } from '../../core/activity/export';

const member = { role: 'member', branchId: 'branch-1' } as const;
const secretary = { role: 'secretary', branchId: 'branch-1' } as const;
const admin = { role: 'org_admin', branchId: 'branch-4' } as const;

const branchActivity = { branchId: 'branch-1', audience: ['branch-1'], status: 'published' } as const;
const orgWide = { branchId: null, audience: ['all'], status: 'published' } as const;
const chosen = { branchId: null, audience: ['branch-2', 'branch-3'], status: 'published' } as const;

describe('attendeeExportScope', () => {
  it('组织部导出活动面向的全部支部：全院活动为所有支部，指定支部的活动为这些支部', () => {
    expect(attendeeExportScope(admin, orgWide)).toEqual({ signUpsOfBranch: null, memberBranches: 'all' });
    expect(attendeeExportScope(admin, chosen)).toEqual({ signUpsOfBranch: null, memberBranches: ['branch-2', 'branch-3'] });
    expect(attendeeExportScope(admin, { ...orgWide, status: 'draft' })).toEqual({ signUpsOfBranch: null, memberBranches: 'all' });
  });

  it('支部书记导出本支部活动的全部报名；别人面向本支部的活动只导出本支部的人', () => {
    expect(attendeeExportScope(secretary, branchActivity)).toEqual({ signUpsOfBranch: null, memberBranches: ['branch-1'] });
    expect(attendeeExportScope(secretary, orgWide)).toEqual({ signUpsOfBranch: 'branch-1', memberBranches: ['branch-1'] });
  });

  it('不面向本支部、尚是草稿或别的支部的活动，支部书记不能导出；党员一律不能', () => {
    expect(attendeeExportScope(secretary, chosen)).toBeNull();
    expect(attendeeExportScope(secretary, { ...orgWide, status: 'draft' })).toBeNull();
    expect(attendeeExportScope(secretary, { branchId: 'branch-2', audience: ['branch-2'], status: 'published' })).toBeNull();
    expect(attendeeExportScope(member, branchActivity)).toBeNull();
  });
});

describe('branchesInTreeOrder', () => {
  it('按组织树深度优先、同级按 order 排出党支部，上级组织本身不列入；找不到上级的当作根', () => {
    const orgs = [
      { _id: 'b-offices-2', kind: 'branch', parentId: 'offices', order: 2 },
      { _id: 'offices', kind: 'general_branch', parentId: 'committee', order: 2 },
      { _id: 'b-teaching-1', kind: 'branch', parentId: 'teaching', order: 1 },
      { _id: 'committee', kind: 'committee', parentId: null, order: 0 },
      { _id: 'b-offices-1', kind: 'branch', parentId: 'offices', order: 1 },
      { _id: 'teaching', kind: 'general_branch', parentId: 'committee', order: 1 },
      { _id: 'b-orphan', kind: 'branch', parentId: 'gone', order: 9 },
    ];
    expect(branchesInTreeOrder(orgs).map((org) => org._id)).toEqual(['b-teaching-1', 'b-offices-1', 'b-offices-2', 'b-orphan']);
  });
});

describe('signUpRow', () => {
  it('状态用中文，报名时间为北京时间到分钟，组织者添加的记“是”', () => {
    const row = {
      name: '林红',
      branchName: '第一党支部',
      status: 'leave',
      signedUpAt: new Date('2026-11-23T16:05:59Z'),
      leaveReason: '临时出差',
      addedByOrganiser: true,
    } as const;
    expect(signUpRow(row)).toEqual(['林红', '第一党支部', '已请假', '2026-11-24 00:05', '临时出差', '是']);
    expect(signUpRow({ ...row, status: 'signed', leaveReason: null, addedByOrganiser: false })).toEqual([
      '林红',
      '第一党支部',
      '已报名',
      '2026-11-24 00:05',
      '',
      '',
    ]);
  });

  it('截断说明写出上限', () => {
    expect(truncatedNote(10_000)).toBe('（超过 10,000 条，只列出前 10,000 条）');
  });
});

describe('walk-ins', () => {
  const walkIn = (memberId: string, branchId: string, minute: number) => ({
    memberId,
    branchId,
    name: `党员${memberId}`,
    checkedInAt: new Date(Date.UTC(2026, 10, 26, 2, minute)),
    checkedOutAt: null,
    studyHours: null,
    method: 'code' as const,
  });
  const checkins = [
    walkIn('m-c', 'branch-1', 9),
    walkIn('m-signed', 'branch-1', 1),
    walkIn('m-b', 'branch-2', 5),
    walkIn('m-a', 'branch-1', 5),
  ];

  it('没有报名（任何状态）的签到按签到先后排出，同一时刻按成员 id；限定支部时只留本支部的', () => {
    const signedUp = new Set(['m-signed']);
    expect(walkInsOf(checkins, signedUp, null).map((row) => row.memberId)).toEqual(['m-a', 'm-b', 'm-c']);
    expect(walkInsOf(checkins, signedUp, 'branch-1').map((row) => row.memberId)).toEqual(['m-a', 'm-c']);
    expect(walkInsOf(checkins, new Set(checkins.map((row) => row.memberId)), null)).toEqual([]);
  });

  it('现场签到的一行：状态为「未报名·现场签到」，报名列留空，后接签到列', () => {
    const row = {
      ...walkIn('m-a', 'branch-1', 5),
      checkedOutAt: new Date('2026-11-26T04:05:00Z'),
      studyHours: 2,
      method: 'backfill' as const,
    };
    expect(walkInRow(row, '第一党支部')).toEqual([
      '党员m-a',
      '第一党支部',
      '未报名·现场签到',
      '',
      '',
      '',
      '2026-11-26 10:05',
      '2026-11-26 12:05',
      '2',
      '补录',
    ]);
  });
});
