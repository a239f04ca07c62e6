import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ComponentType } from 'react';
import type { MemberView } from '../../../types/contracts/member';
import { PARTY_STATUS_LABELS, ROLE_LABELS, type Role } from '../../../types/labels';
import { BASE_LIST_URL, FOOTPRINT_URL, MY_CODE_URL } from '../../bases/routes';
import { scanToCheckin } from '../../bases/scan';
import { Cell } from '../../components/Cell';
import { MembershipGate } from '../../components/MembershipGate';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { useTabBarSelection } from '../../custom-tab-bar/selection';
import { callFunction } from '../../services/cloud';
import { setLargeFont, useLargeFont } from '../../services/largeFont';
import { useMembership } from '../../services/membership';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { BRANDS_URL, dashboardUrl, ledgerUrl, PROGRAMMES_URL, PROGRESS_URL, RANKING_URL } from '../../stats/routes';
import { CAMPAIGNS_ADMIN_URL, MY_STORIES_URL, STORY_REVIEW_URL } from '../../story/routes';
import { formatDate } from '../../utils/format';
import './index.css';
import { toast } from '../../utils/toast';

/* Local-demo only; the constant branch keeps it out of the weapp bundle (see PageShell). */
const DemoIdentityCell: ComponentType | null =
  process.env.TARO_ENV === 'h5' ? require('../../components/IdentityGate').DemoIdentityCell : null;

/** 组织部工作台: only org admins see it; the functions check the role again on every call. */
function AdminWorkbench() {
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <Section title='组织部工作台' status='ready'>
      <Cell title='题库管理' description='查看题库，下载模板并批量导入题目' onClick={() => open('/admin/bank/index')} />
      <Cell title='花名册导入' description='下载模板，校验后批量登记各支部党员' onClick={() => open('/admin/roster/index')} />
      <Cell title='竞赛管理' description='新建、发布和管理竞赛，查看作答、导出成绩' onClick={() => open('/admin/contests/index')} />
      <Cell title='征集活动管理' description='发起征集，定好截止时间、支部任务和奖项' onClick={() => open(CAMPAIGNS_ADMIN_URL)} />
      <Cell title='操作记录' description='谁在何时做了哪些管理操作，含签到补录及原因' onClick={() => open('/admin/audit/index')} />
      <Cell title='支部排名与台账' description='各支部“六个一”完成率排名，导出年度台账' onClick={() => open(RANKING_URL)} />
      <Cell title='学习活动方案' description='制定“六个一”等方案：完成方式、支部任务、学时和积分' onClick={() => open(PROGRAMMES_URL)} />
    </Section>
  );
}

/** 支部管理: secretaries manage their own branch, org admins every branch; the functions check again. */
function BranchManagement() {
  const pending = useCloud('member', 'list', { status: 'pending', pageSize: 1 });
  useReloadOnShow(pending.reload);
  const count = pending.data?.pendingCount ?? 0;
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <Section title='支部管理' status='ready'>
      <Cell title='成员' description='查看在册党员，办理组织关系转接' onClick={() => open('/branch/members/index')} />
      <Cell
        title='待审批'
        description='批准或拒绝加入党支部的申请'
        value={count > 0 ? <Tag text={count > 99 ? '99+' : String(count)} /> : undefined}
        onClick={() => open('/branch/approvals/index')}
      />
      <Cell title='邀请加入党支部' description='生成邀请码，分享到支部群' onClick={() => open('/branch/invite/index')} />
      <Cell title='支部看板' description='“六个一”完成情况、进度落后的党员、待确认的自报' onClick={() => open(dashboardUrl())} />
    </Section>
  );
}

/**
 * 学习: the member's own 六个一 checklist and points, and the 四红 programmes — one entry for every
 * role, since secretaries 申报 and 互查, the org 验收 and 择优, and every member rates in 评议.
 */
function MyStudy({ role }: { role: Role }) {
  const open = (url: string) => void Taro.navigateTo({ url });
  const brandsDescription: Record<Role, string> = {
    member: '红色园丁、书屋、课堂、基地：查看各单位申报并评议',
    secretary: '红色园丁、书屋、课堂、基地：本支部申报、互查与评议',
    org_admin: '制定四红方案，分配互查，验收与择优评选',
  };
  return (
    <Section title='学习' status='ready'>
      <Cell title='我的六个一' description='完成情况、学时，去完成未做的项目' onClick={() => open(PROGRESS_URL)} />
      <Cell title='积分明细' description='每一分来自哪条规则' onClick={() => open(ledgerUrl())} />
      <Cell title='四红品牌' description={brandsDescription[role]} onClick={() => open(BRANDS_URL)} />
    </Section>
  );
}

/** 签到与足迹: the member's own check-in entries. */
function MyCheckins() {
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <Section title='签到与足迹' status='ready'>
      <Cell title='扫一扫签到' description='扫描活动签到码或基地打卡码' onClick={() => void scanToCheckin()} />
      <Cell title='我的签到码' description='出示给组织者扫码签到' onClick={() => open(MY_CODE_URL)} />
      <Cell title='我的足迹' description='签到记录、到访基地和学时' onClick={() => open(FOOTPRINT_URL)} />
      <Cell title='红色教育基地' description='查看附近的基地，到现场打卡' onClick={() => open(BASE_LIST_URL)} />
    </Section>
  );
}

/** 投稿: the member's own works; for secretaries and org admins also the works waiting for their review. */
function MyStories({ role }: { role: Role }) {
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <Section title='红色故事' status='ready'>
      <Cell title='我的投稿' description='草稿、审核进度和退回意见' onClick={() => open(MY_STORIES_URL)} />
      {role !== 'member' ? <ReviewEntry orgAdmin={role === 'org_admin'} /> : null}
    </Section>
  );
}

/** One work is enough to know there is something to review; counting them all would cost a query per visit. */
function ReviewEntry({ orgAdmin }: { orgAdmin: boolean }) {
  const queue = useCloud('story', 'reviewQueue', { pageSize: 1 });
  useReloadOnShow(queue.reload);
  const waiting = (queue.data?.items.length ?? 0) > 0;
  return (
    <Cell
      title='审核投稿'
      description={orgAdmin ? '审核各支部的投稿，择优上报并评奖' : '审核本支部的投稿，推荐优秀作品到组织部'}
      value={waiting ? <Tag text='有待审核' /> : undefined}
      onClick={() => void Taro.navigateTo({ url: STORY_REVIEW_URL })}
    />
  );
}

/** UTF-8 size without TextEncoder, which some mini-program engines lack. */
function utf8Size(text: string): string {
  const bytes = encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, '_').length;
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

function downloadJson(json: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface MyDataProps {
  /** The branch an active member could leave; null for everyone else. */
  branchToLeave: string | null;
  onChanged: () => void;
}

/** 个人信息: export, 注销 and leaving (个人信息保护法: anyone can take and delete what is stored about them). */
function MyData({ branchToLeave, onChanged }: MyDataProps) {
  const [busy, setBusy] = useState<'export' | 'delete' | 'leave' | null>(null);

  const exportMine = async () => {
    setBusy('export');
    const result = await callFunction('member', 'exportMine', {});
    if (!result.ok) return setBusy(null);
    const json = JSON.stringify(result.data, null, 2);
    try {
      if (process.env.TARO_ENV === 'h5') {
        downloadJson(json, `红途-我的信息-${result.data.exportedAt.slice(0, 10)}.json`);
        toast(`已下载（${utf8Size(json)}）`);
      } else {
        await Taro.setClipboardData({ data: json });
        await Taro.showModal({
          title: '已复制我的信息',
          content: `共 ${utf8Size(json)}，已复制。可以粘贴到与「文件传输助手」的聊天中保存。`,
          showCancel: false,
        });
      }
    } catch {
      toast('导出失败，请重试');
    }
    setBusy(null);
  };

  const deleteMine = async () => {
    const first = await Taro.showModal({
      title: '注销并删除我的信息',
      content: '注销后，你的姓名、手机尾号和微信身份将被删除且无法恢复；答题和签到记录以“已注销用户”计入支部统计。建议先导出我的信息。',
      confirmText: '继续',
      confirmColor: '#C8161D',
    });
    if (!first.confirm) return;
    const second = await Taro.showModal({
      title: '再次确认注销',
      content: '此操作不可撤销，确定注销吗？',
      confirmText: '注销',
      confirmColor: '#C8161D',
    });
    if (!second.confirm) return;
    setBusy('delete');
    const result = await callFunction('member', 'deleteMine', { confirm: '注销' });
    setBusy(null);
    if (!result.ok) return;
    toast('已注销');
    onChanged();
  };

  const leave = async (branchName: string) => {
    const confirmed = await Taro.showModal({
      title: '退出党支部',
      content: `退出「${branchName}」后将不能报名支部活动、参加支部竞赛，重新加入需要支部书记再次邀请。确定退出吗？`,
      confirmText: '退出',
      confirmColor: '#C8161D',
    });
    if (!confirmed.confirm) return;
    setBusy('leave');
    const result = await callFunction('member', 'leave', {});
    setBusy(null);
    if (!result.ok) return;
    toast('已退出党支部');
    onChanged();
  };

  const guard = (run: () => Promise<void>) => () => {
    if (busy === null) void run();
  };
  return (
    <Section title='我的信息' status='ready'>
      <Cell
        title='导出我的信息'
        description={process.env.TARO_ENV === 'h5' ? '把我的信息保存到这台设备' : '复制我的信息，粘贴到聊天中保存'}
        value={busy === 'export' ? '导出中…' : undefined}
        onClick={guard(exportMine)}
      />
      {branchToLeave !== null ? (
        <Cell title='退出党支部' value={busy === 'leave' ? '处理中…' : undefined} onClick={guard(() => leave(branchToLeave))} />
      ) : null}
      <Cell
        title='注销并删除我的信息'
        description='删除后不可恢复'
        value={busy === 'delete' ? '注销中…' : undefined}
        onClick={guard(deleteMine)}
      />
    </Section>
  );
}

/** Only an active member has a role and a join date to show, and the check-in and organiser entries that go with them. */
function ActiveProfile({ member }: { member: MemberView }) {
  const manager = member.role === 'secretary' || member.role === 'org_admin';
  return (
    <>
      <Section title='个人信息' status='ready'>
        <View className='me-profile'>
          <Text className='me-profile__name'>{member.name}</Text>
          <Text className='me-profile__branch'>{member.branchName}</Text>
        </View>
        <Cell title='角色' value={ROLE_LABELS[member.role]} />
        <Cell title='政治面貌' value={PARTY_STATUS_LABELS[member.partyStatus]} />
        <Cell title='加入时间' value={formatDate(member.joinedAt)} />
      </Section>
      <MyStudy role={member.role} />
      <MyCheckins />
      <MyStories role={member.role} />
      {member.role === 'org_admin' ? <AdminWorkbench /> : null}
      {manager ? <BranchManagement /> : null}
    </>
  );
}

function Profile() {
  const state = useMembership();
  const { membership, reload } = state;
  // Whoever has agreed to the privacy guide may take or delete what is stored about them, member or not.
  const agreed = membership.kind === 'outsider' || membership.kind === 'pending' || membership.kind === 'active';
  return (
    <>
      <MembershipGate state={state}>{(member) => <ActiveProfile member={member} />}</MembershipGate>
      {agreed ? <MyData branchToLeave={membership.kind === 'active' ? membership.member.branchName : null} onChanged={reload} /> : null}
    </>
  );
}

function Settings() {
  const largeFont = useLargeFont();
  return (
    <Section title='设置' status='ready'>
      <Cell
        title='大字模式（适老化）'
        description='放大全部文字和按钮'
        value={<Switch checked={largeFont} color='#C8161D' aria-label='大字模式' onChange={(event) => setLargeFont(event.detail.value)} />}
      />
      {DemoIdentityCell ? <DemoIdentityCell /> : null}
    </Section>
  );
}

function MeContent() {
  return (
    <View className='ht-page__body'>
      <Profile />
      <Settings />
    </View>
  );
}

export default function MePage() {
  useTabBarSelection();
  return (
    <PageShell>
      <MeContent />
    </PageShell>
  );
}
