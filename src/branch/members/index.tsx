import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { MemberListItem, MemberView } from '../../../types/contracts/member';
import { PARTY_STATUS_LABELS, ROLE_LABELS } from '../../../types/labels';
import { BranchListPending } from '../../components/BranchListPending';
import { ActionButton } from '../../components/ActionButton';
import { NameSearch } from '../../components/NameSearch';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { formatDate } from '../../utils/format';
import { useOrgBranches } from '../../services/orgBranches';
import { BranchFilter, ManagerGate, PAGE_SIZE } from '../common';
import '../branch.css';
import { toast } from '../../utils/toast';
import { FieldErrorLine } from '../../components/FormParts';

function MemberRow({ member, onClick }: { member: MemberListItem; onClick: () => void }) {
  return (
    <View className='branch-row ht-cell--tappable' hoverClass='ht-cell--pressed' onClick={onClick}>
      <View className='branch-row__main'>
        <View className='branch-row__head'>
          <Text className='branch-row__name'>{member.name}</Text>
          {member.role !== 'member' ? <Tag text={ROLE_LABELS[member.role]} /> : null}
        </View>
        <Text className='branch-row__meta'>
          {PARTY_STATUS_LABELS[member.partyStatus]} · {member.branchName}
          {member.phoneTail ? ` · 尾号 ${member.phoneTail}` : ''}
        </Text>
        <Text className='branch-row__meta'>加入时间：{formatDate(member.joinedAt)}</Text>
      </View>
      <Text className='ht-cell__arrow'>›</Text>
    </View>
  );
}

interface TransferSheetProps {
  member: MemberListItem;
  onClose: () => void;
  onTransferred: () => void;
}

/** 组织关系转接: destination branch and a reason (kept in the transfer history and the audit log). */
function TransferSheet({ member, onClose, onTransferred }: TransferSheetProps) {
  const tree = useOrgBranches();
  const destinations = tree.branches.filter((branch) => branch.id !== member.branchId);
  const [destinationIndex, setDestinationIndex] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    const destination = destinationIndex === null ? undefined : destinations[destinationIndex];
    const trimmed = reason.trim();
    if (!destination) return setProblem('请选择转入的党支部');
    if (trimmed.length < 2) return setProblem('请填写转接原因（至少 2 个字）');
    setProblem(null);
    const confirmed = await Taro.showModal({
      title: '确认转接',
      content: `将 ${member.name} 的组织关系从「${member.branchName}」转接到「${destination.name}」？`,
      confirmText: '转接',
      confirmColor: '#C8161D',
    });
    if (!confirmed.confirm) return;
    setSubmitting(true);
    const result = await callFunction('member', 'transfer', { memberId: member.id, toBranchId: destination.id, reason: trimmed });
    setSubmitting(false);
    if (!result.ok) return;
    toast('已转接', 'success');
    onTransferred();
  };

  let picker;
  if (tree.status !== 'ready') picker = <BranchListPending tree={tree} />;
  else if (destinations.length === 0) picker = <Text className='ht-field__hint'>没有可转入的其他党支部</Text>;
  else {
    picker = (
      <Picker
        mode='selector'
        name='toBranch'
        range={destinations.map((branch) => branch.name)}
        value={destinationIndex ?? 0}
        onChange={(event) => {
          setDestinationIndex(Number(event.detail.value));
          setProblem(null);
        }}
      >
        <View className='ht-input'>{destinationIndex === null ? '请选择' : destinations[destinationIndex]?.name}</View>
      </Picker>
    );
  }

  return (
    <View className='branch-sheet'>
      <View className='branch-sheet__mask' onClick={submitting ? undefined : onClose} />
      <View className='branch-sheet__panel' role='dialog' aria-label='组织关系转接'>
        <Text className='branch-sheet__title'>组织关系转接 · {member.name}</Text>
        <Text className='ht-form__note'>当前：{member.branchName}</Text>
        <View className='ht-field'>
          <Text className='ht-field__label'>转入党支部</Text>
          {picker}
        </View>
        <View className='ht-field'>
          <Text className='ht-field__label'>转接原因</Text>
          <Input
            className='ht-input'
            name='reason'
            value={reason}
            maxlength={100}
            placeholder='如：工作调动至第二党支部'
            onInput={(event) => {
              setReason(event.detail.value);
              setProblem(null);
            }}
          />
        </View>
        <FieldErrorLine message={problem} />
        <View className='branch-sheet__actions'>
          <ActionButton variant='plain' disabled={submitting} onClick={onClose}>
            取消
          </ActionButton>
          <ActionButton loading={submitting} onClick={() => void submit()}>
            确认转接
          </ActionButton>
        </View>
      </View>
    </View>
  );
}

interface MemberListProps {
  branchId: string | undefined;
  search: string | undefined;
}

function MemberList({ branchId, search }: MemberListProps) {
  const [transferring, setTransferring] = useState<MemberListItem | null>(null);
  const fetchPage = useCallback(
    async (cursor?: string) =>
      callFunction(
        'member',
        'list',
        { status: 'active', cursor, pageSize: PAGE_SIZE, ...(branchId ? { branchId } : {}), ...(search ? { search } : {}) },
        // The first page shows its failure in place; a later page's failure toasts over what is shown.
        { silentError: cursor === undefined },
      ),
    [branchId, search],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(() => list.loadMore());

  const openActions = async (member: MemberListItem) => {
    try {
      const chosen = await Taro.showActionSheet({ itemList: ['组织关系转接'] });
      if (chosen.tapIndex === 0) setTransferring(member);
    } catch {
      // Cancelled.
    }
  };

  return (
    <>
      <Section
        title={search ? `姓名以「${search}」开头` : '在册党员'}
        status={list.status}
        isEmpty={list.items.length === 0}
        emptyTitle={search ? `没有姓名以「${search}」开头的党员` : '支部还没有在册党员'}
        emptyDescription={search ? '换个姓氏或名字的开头再试' : '在「邀请加入党支部」生成邀请，分享到支部群'}
        errorMessage={list.error?.message}
        onRetry={() => void list.reload()}
        skeletonRows={5}
      >
        {list.items.map((member) => (
          <MemberRow key={member.id} member={member} onClick={() => void openActions(member)} />
        ))}
      </Section>
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='ht-list-footer' onClick={list.hasMore ? list.loadMore : undefined}>
          <Text className='ht-list-footer__text'>
            {list.loadingMore ? '加载中…' : list.hasMore ? '上滑或点此加载更多' : `已显示全部 ${list.items.length} 人`}
          </Text>
        </View>
      ) : null}
      {transferring ? (
        <TransferSheet
          member={transferring}
          onClose={() => setTransferring(null)}
          onTransferred={() => {
            setTransferring(null);
            void list.reload();
          }}
        />
      ) : null}
    </>
  );
}

function MembersManager({ manager }: { manager: MemberView }) {
  const isOrgAdmin = manager.role === 'org_admin';
  const [branchId, setBranchId] = useState<string | undefined>(isOrgAdmin ? undefined : manager.branchId);
  const [search, setSearch] = useState<string | undefined>();

  return (
    <>
      <View className='branch-toolbar'>
        {isOrgAdmin ? (
          <BranchFilter value={branchId} onChange={setBranchId} />
        ) : (
          <Text className='branch-filter'>{manager.branchName}</Text>
        )}
        <NameSearch onSearch={setSearch} />
      </View>
      {/* Only secretaries' own branch is sent for them; the server enforces it regardless. */}
      <MemberList key={`${branchId ?? 'all'}|${search ?? ''}`} branchId={isOrgAdmin ? branchId : undefined} search={search} />
    </>
  );
}

export default function BranchMembersPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ManagerGate>{(manager) => <MembersManager manager={manager} />}</ManagerGate>
      </View>
    </PageShell>
  );
}
