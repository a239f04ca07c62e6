import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { MemberListItem } from '../../../types/contracts/member';
import { Chips, Field } from '../../components/FormParts';
import { NameSearch } from '../../components/NameSearch';
import { Skeleton } from '../../components/Skeleton';
import { ErrorState } from '../../components/ErrorState';
import { callFunction } from '../../services/cloud';

export interface Nominee {
  memberId: string;
  name: string;
}

interface MemberPickerProps {
  /** The unit whose members may be nominated; a secretary's list is always their own (member.list). */
  branchId: string;
  value: Nominee | null;
  error?: string;
  onChange: (nominee: Nominee) => void;
}

/** The first page of a unit's active members, narrowed by a name prefix: enough to find one teacher. */
const PAGE_SIZE = 30;

/** 红色园丁: one active member of the unit, found by name (member.list, the unit's roster). */
export function MemberPicker({ branchId, value, error, onChange }: MemberPickerProps) {
  const [search, setSearch] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; members: MemberListItem[] }
  >({
    status: 'loading',
  });
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    void callFunction('member', 'list', { status: 'active', branchId, search, pageSize: PAGE_SIZE }, { silentError: true }).then(
      (result) => {
        if (cancelled) return;
        setState(result.ok ? { status: 'ready', members: result.data.items } : { status: 'error', message: result.error.message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [branchId, search, attempt]);

  let body;
  if (state.status === 'loading') body = <Skeleton rows={2} />;
  else if (state.status === 'error') body = <ErrorState message={state.message} onRetry={() => setAttempt((count) => count + 1)} />;
  else if (state.members.length === 0)
    body = <Text className='stats-note'>{search ? `没有姓名以“${search}”开头的党员` : '本支部还没有在册党员'}</Text>;
  else {
    // The chosen one stays on the list while another name is searched.
    const members =
      value && !state.members.some((member) => member.id === value.memberId)
        ? [{ id: value.memberId, name: value.name }, ...state.members]
        : state.members;
    body = (
      <Chips
        role='radio'
        label='推荐的党员'
        options={members.map((member) => ({ value: member.id, label: member.name }))}
        isSelected={(id) => value?.memberId === id}
        onToggle={(id) => {
          const member = members.find((candidate) => candidate.id === id);
          if (member) onChange({ memberId: member.id, name: member.name });
        }}
      />
    );
  }

  return (
    <Field label='推荐的党员教师' error={error} hint={value ? `已选：${value.name}` : '本支部在册党员'}>
      <NameSearch onSearch={setSearch} />
      <View className='brand-members'>{body}</View>
    </Field>
  );
}
