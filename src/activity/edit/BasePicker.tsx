import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { BaseSummary } from '../../../types/contracts/checkin';
import { BASE_LEVEL_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { callFunction } from '../../services/cloud';

/** The most the contract serves in one page; a city's directory usually fits in it. */
const PAGE_SIZE = 50;

interface BasePickerProps {
  /** The linked base's name, or null when the place is free text. */
  linkedName: string | null;
  onPick: (base: Pick<BaseSummary, 'id' | 'name'>) => void;
  onUnlink: () => void;
}

/**
 * 从红色教育基地中选择: links the activity to a base of the directory. The server names the place
 * after the base, and check-in later measures against the base's coordinates and radius.
 */
export function BasePicker({ linkedName, onPick, onUnlink }: BasePickerProps) {
  const [open, setOpen] = useState(false);
  const [bases, setBases] = useState<BaseSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  async function load(cursor?: string) {
    setLoading(true);
    setFailed(false);
    const result = await callFunction('checkin', 'bases', { pageSize: PAGE_SIZE, cursor }, { silentError: true });
    setLoading(false);
    if (!result.ok) {
      setFailed(true);
      return;
    }
    setBases((shown) => (cursor ? [...shown, ...result.data.items] : result.data.items));
    setNextCursor(result.data.nextCursor);
  }

  function openList() {
    setOpen(true);
    if (bases.length === 0) void load();
  }

  function pick(base: BaseSummary) {
    setOpen(false);
    onPick({ id: base.id, name: base.name });
  }

  return (
    <View className='activity-base-picker'>
      {linkedName ? (
        <View className='activity-base-picker__linked'>
          <Text className='ht-field__hint'>已关联基地「{linkedName}」，地点随基地名称</Text>
          <ActionButton variant='plain' size='small' onClick={onUnlink}>
            取消关联
          </ActionButton>
        </View>
      ) : null}
      {open ? null : (
        <ActionButton variant='plain' size='small' onClick={openList}>
          从红色教育基地中选择
        </ActionButton>
      )}
      {open ? (
        <View className='activity-base-picker__list' role='listbox' aria-label='红色教育基地'>
          {bases.map((base) => (
            <View key={base.id} className='activity-base-picker__row' role='option' onClick={() => pick(base)}>
              <Text className='activity-base-picker__name'>{base.name}</Text>
              <Text className='activity-base-picker__meta'>
                {[base.level ? BASE_LEVEL_LABELS[base.level] : null, base.county].filter(Boolean).join(' · ')}
              </Text>
            </View>
          ))}
          {loading ? <Text className='ht-field__hint'>正在加载基地名录…</Text> : null}
          {failed ? (
            <View role='alert'>
              <Text>基地名录加载失败</Text>
              <ActionButton variant='plain' size='small' onClick={() => void load(nextCursor ?? undefined)}>
                重试
              </ActionButton>
            </View>
          ) : null}
          {nextCursor && !loading && !failed ? (
            <ActionButton variant='plain' size='small' onClick={() => void load(nextCursor)}>
              加载更多
            </ActionButton>
          ) : null}
          <ActionButton variant='plain' size='small' onClick={() => setOpen(false)}>
            收起
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
