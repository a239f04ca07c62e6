import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ProgrammeView } from '../../../types/contracts/stats';
import type { ProgrammeItemKey } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { Chips } from '../../components/FormParts';
import { ListFooter } from '../../components/ListFooter';
import { Section } from '../../components/Section';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { ITEM_SHORT_LABELS } from '../labels';

const PAGE_SIZE = 20;

interface BehindMembersProps {
  programme: ProgrammeView;
  /** Org admins name the branch they look at; a secretary's is their own. */
  branchId: string | undefined;
}

/** Who has not met an item yet (or any), fewest done first; the secretary picks some and sends them a reminder. */
export function BehindMembers(props: BehindMembersProps) {
  const [item, setItem] = useState<ProgrammeItemKey | ''>('');
  // A new filter is a new list (the paged list loads once per mount), with nobody selected.
  return <BehindList key={item} {...props} item={item} onItem={setItem} />;
}

function BehindList({
  programme,
  branchId,
  item,
  onItem,
}: BehindMembersProps & { item: ProgrammeItemKey | ''; onItem: (item: ProgrammeItemKey | '') => void }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const scope = { programmeId: programme.id, ...(branchId ? { branchId } : {}) };

  const fetchPage = useCallback(
    (cursor?: string) =>
      callFunction(
        'stats',
        'behindMembers',
        { pageSize: PAGE_SIZE, cursor, programmeId: programme.id, ...(branchId ? { branchId } : {}), ...(item ? { item } : {}) },
        { silentError: cursor === undefined },
      ),
    [programme.id, branchId, item],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(list.loadMore);

  const toggle = (memberId: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(memberId)) next.delete(memberId);
      else next.add(memberId);
      return next;
    });

  const remind = async () => {
    const memberIds = [...selected];
    const { confirm } = await Taro.showModal({
      title: '发送提醒',
      content: `向选中的 ${memberIds.length} 名党员发送“六个一”完成提醒？同一人每天最多提醒一次。`,
      confirmText: '发送',
      confirmColor: '#C8161D',
    });
    if (!confirm) return;
    setSending(true);
    const result = await callFunction('stats', 'remindMembers', { ...scope, memberIds });
    setSending(false);
    if (!result.ok) return;
    const { queued, alreadyReminded } = result.data;
    setOutcome(alreadyReminded > 0 ? `已提醒 ${queued} 人，${alreadyReminded} 人今天已提醒过` : `已提醒 ${queued} 人`);
    setSelected(new Set());
  };

  const options = [
    { value: '' as const, label: '全部' },
    ...programme.items.map((configured) => ({ value: configured.key, label: ITEM_SHORT_LABELS[configured.key] })),
  ];
  return (
    <Section
      title='进度落后的党员'
      status={list.status}
      isEmpty={false}
      errorMessage={list.error?.message}
      onRetry={() => void list.reload()}
    >
      <Chips role='radio' label='按未完成的项目筛选' options={options} isSelected={(value) => value === item} onToggle={onItem} />
      {list.items.length === 0 ? <Text className='stats-note'>{item ? '这一项大家都完成了' : '全部党员都已完成'}</Text> : null}
      {list.items.map((row) => {
        const checked = selected.has(row.memberId);
        return (
          <View
            key={row.memberId}
            className={`stats-member${checked ? ' stats-member--checked' : ''}`}
            role='checkbox'
            aria-checked={checked}
            aria-label={row.name}
            onClick={() => toggle(row.memberId)}
          >
            <Text className='stats-member__box'>{checked ? '✓' : ''}</Text>
            <View className='stats-member__main'>
              <Text className='stats-member__name'>{row.name}</Text>
              <Text className='stats-member__missing'>
                已完成 {row.doneCount}/{programme.items.length} · 未完成：{row.missing.map((key) => ITEM_SHORT_LABELS[key]).join('、')}
              </Text>
            </View>
          </View>
        );
      })}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} loadMore={list.loadMore} />
      {list.items.length > 0 ? (
        <View className='stats-remind'>
          <ActionButton disabled={selected.size === 0} loading={sending} onClick={() => void remind()}>
            {selected.size > 0 ? `提醒选中的 ${selected.size} 人` : '选择要提醒的党员'}
          </ActionButton>
          {outcome ? (
            <View className='stats-note' role='status'>
              <Text>{outcome}</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </Section>
  );
}
