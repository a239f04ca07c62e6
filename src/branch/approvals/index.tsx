import { Input, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { MemberListItem, MemberView } from '../../../types/contracts/member';
import { PARTY_STATUS_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { formatDateTime } from '../../utils/format';
import { BranchFilter, ManagerGate, PAGE_SIZE } from '../common';
import '../branch.css';
import { toast } from '../../utils/toast';

interface RequestRowProps {
  request: MemberListItem;
  onApprove: () => void;
  onReject: (reason: string) => void;
}

function RequestRow({ request, onApprove, onReject }: RequestRowProps) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <View className='branch-row branch-row--request' aria-label={`${request.name}的申请`}>
      <View className='branch-row__main'>
        <Text className='branch-row__name'>{request.name}</Text>
        <Text className='branch-row__meta'>
          {PARTY_STATUS_LABELS[request.partyStatus]} · 申请加入 {request.branchName}
          {request.phoneTail ? ` · 手机尾号 ${request.phoneTail}` : ''}
        </Text>
        <Text className='branch-row__meta'>提交时间：{formatDateTime(request.joinedAt)}</Text>
        {rejecting ? (
          <View className='ht-field'>
            <Text className='ht-field__label'>拒绝原因（选填）</Text>
            <Input
              className='ht-input'
              name={`reason-${request.id}`}
              value={reason}
              maxlength={100}
              placeholder='如：不是本支部党员'
              onInput={(event) => setReason(event.detail.value)}
            />
          </View>
        ) : null}
        <View className='branch-row__actions'>
          {rejecting ? (
            <>
              <ActionButton variant='plain' size='small' onClick={() => setRejecting(false)}>
                取消
              </ActionButton>
              <ActionButton size='small' onClick={() => onReject(reason.trim())}>
                确认拒绝
              </ActionButton>
            </>
          ) : (
            <>
              <ActionButton variant='plain' size='small' onClick={() => setRejecting(true)}>
                拒绝
              </ActionButton>
              <ActionButton size='small' onClick={onApprove}>
                批准
              </ActionButton>
            </>
          )}
        </View>
      </View>
    </View>
  );
}

function ApprovalList({ branchId }: { branchId: string | undefined }) {
  const [pendingCount, setPendingCount] = useState<number | null>(null);
  // Rows decided here disappear at once; a failed call puts them back.
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());

  const fetchPage = useCallback(
    async (cursor?: string) => {
      const result = await callFunction(
        'member',
        'list',
        { status: 'pending', cursor, pageSize: PAGE_SIZE, ...(branchId ? { branchId } : {}) },
        { silentError: cursor === undefined },
      );
      if (result.ok) setPendingCount(result.data.pendingCount);
      return result;
    },
    [branchId],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(() => list.loadMore());
  const visible = list.items.filter((item) => !decided.has(item.id));

  const mark = (id: string, removed: boolean) => {
    setDecided((previous) => {
      const next = new Set(previous);
      if (removed) next.add(id);
      else next.delete(id);
      return next;
    });
    setPendingCount((count) => (count === null ? count : Math.max(0, count + (removed ? -1 : 1))));
  };

  const decide = async (request: MemberListItem, decision: 'approve' | 'reject', reason?: string) => {
    mark(request.id, true);
    const result =
      decision === 'approve'
        ? await callFunction('member', 'approveJoin', { memberId: request.id })
        : await callFunction('member', 'rejectJoin', { memberId: request.id, ...(reason ? { reason } : {}) });
    if (result.ok) {
      toast(decision === 'approve' ? `已批准 ${request.name}` : `已拒绝 ${request.name}`);
      return;
    }
    // CONFLICT means someone else already decided it: it stays off the list.
    if (result.error.code !== 'CONFLICT') mark(request.id, false);
  };

  const reject = async (request: MemberListItem, reason: string) => {
    const confirmed = await Taro.showModal({
      title: '拒绝申请',
      content: `确定拒绝 ${request.name} 加入「${request.branchName}」的申请吗？${reason ? `\n原因：${reason}` : ''}`,
      confirmText: '拒绝',
      confirmColor: '#C8161D',
    });
    if (confirmed.confirm) await decide(request, 'reject', reason);
  };

  return (
    <>
      <View className='branch-summary' role='status' aria-label={pendingCount === null ? '待审批' : `待审批 ${pendingCount} 人`}>
        <Text className='branch-summary__label'>待审批</Text>
        {pendingCount === null ? null : (
          <Text className={`branch-badge${pendingCount === 0 ? ' branch-badge--zero' : ''}`}>{pendingCount}</Text>
        )}
      </View>
      <Section
        title='加入党支部的申请'
        status={list.status}
        isEmpty={visible.length === 0}
        emptyTitle='没有待审批的申请'
        emptyDescription='有人通过邀请提交申请后会显示在这里'
        errorMessage={list.error?.message}
        onRetry={() => void list.reload()}
        skeletonRows={3}
      >
        {visible.map((request) => (
          <RequestRow
            key={request.id}
            request={request}
            onApprove={() => void decide(request, 'approve')}
            onReject={(reason) => void reject(request, reason)}
          />
        ))}
      </Section>
      {list.status === 'ready' && list.hasMore ? (
        <View className='ht-list-footer' onClick={list.loadMore}>
          <Text className='ht-list-footer__text'>{list.loadingMore ? '加载中…' : '上滑或点此加载更多'}</Text>
        </View>
      ) : null}
    </>
  );
}

function ApprovalsManager({ manager }: { manager: MemberView }) {
  const [branchId, setBranchId] = useState<string | undefined>();
  const isOrgAdmin = manager.role === 'org_admin';
  return (
    <>
      <View className='branch-toolbar'>
        {isOrgAdmin ? (
          <BranchFilter value={branchId} onChange={setBranchId} />
        ) : (
          <Text className='branch-filter'>{manager.branchName}</Text>
        )}
      </View>
      <ApprovalList key={branchId ?? 'all'} branchId={isOrgAdmin ? branchId : undefined} />
    </>
  );
}

export default function BranchApprovalsPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ManagerGate>{(manager) => <ApprovalsManager manager={manager} />}</ManagerGate>
      </View>
    </PageShell>
  );
}
