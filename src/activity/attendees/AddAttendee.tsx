import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { MemberListItem } from '../../../types/contracts/member';
import { ActionButton } from '../../components/ActionButton';
import { NameSearch } from '../../components/NameSearch';
import { callFunction } from '../../services/cloud';
import { fieldMessage } from '../../services/fieldError';
import { toast } from '../../utils/toast';
import { MIN_REASON_LENGTH, ReasonField } from '../../components/FormParts';

const PICK_PAGE_SIZE = 20;

type Candidates = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; members: MemberListItem[] };

/**
 * Members the organiser may pick, by name prefix. No branch is sent: a secretary's list is their
 * own branch on the server, an org admin's is everyone, and the server refuses anyone outside the
 * activity's audience when the attendee is added.
 */
function useCandidates(search: string | undefined): { candidates: Candidates; reload: () => void } {
  const [candidates, setCandidates] = useState<Candidates>({ status: 'loading' });
  const load = useCallback(async () => {
    setCandidates({ status: 'loading' });
    const result = await callFunction(
      'member',
      'list',
      { status: 'active', pageSize: PICK_PAGE_SIZE, ...(search ? { search } : {}) },
      { silentError: true },
    );
    setCandidates(result.ok ? { status: 'ready', members: result.data.items } : { status: 'error', message: result.error.message });
  }, [search]);
  useEffect(() => {
    void load();
  }, [load]);
  return { candidates, reload: () => void load() };
}

function CandidateList({
  candidates,
  chosenId,
  onChoose,
  onRetry,
}: {
  candidates: Candidates;
  chosenId: string | null;
  onChoose: (member: MemberListItem) => void;
  onRetry: () => void;
}) {
  if (candidates.status === 'loading') return <Text className='ht-field__hint'>正在加载党员名单…</Text>;
  if (candidates.status === 'error') {
    return (
      <Text className='ht-field__hint' onClick={onRetry}>
        {candidates.message}，点此重试
      </Text>
    );
  }
  if (candidates.members.length === 0) return <Text className='ht-field__hint'>没有找到这位党员，换个姓名开头再试</Text>;
  return (
    <View className='activity-pick' role='radiogroup' aria-label='选择党员'>
      {candidates.members.map((member) => (
        <View
          key={member.id}
          className={`activity-pick__option${member.id === chosenId ? ' activity-pick__option--chosen' : ''}`}
          role='radio'
          aria-checked={member.id === chosenId}
          aria-label={member.name}
          onClick={() => onChoose(member)}
        >
          <Text className='activity-pick__name'>{member.name}</Text>
          <Text className='activity-pick__branch'>{member.branchName}</Text>
        </View>
      ))}
    </View>
  );
}

interface AddAttendeeProps {
  activityId: string;
  onAdded: () => void;
  onClose: () => void;
}

/** An organiser adds a member over the capacity (someone at the door, say); the reason goes into the audit log. */
export function AddAttendee({ activityId, onAdded, onClose }: AddAttendeeProps) {
  const [search, setSearch] = useState<string | undefined>();
  const { candidates, reload } = useCandidates(search);
  const [chosen, setChosen] = useState<MemberListItem | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const trimmed = reason.trim();
    if (!chosen) return setProblem('请选择要添加的党员');
    if (trimmed.length < MIN_REASON_LENGTH) return setProblem('请写明添加原因');
    setProblem(null);
    setSending(true);
    const result = await callFunction(
      'activity',
      'addAttendee',
      { id: activityId, memberId: chosen.id, reason: trimmed },
      { silentError: true },
    );
    setSending(false);
    if (!result.ok) {
      setProblem(result.error.code === 'INVALID_INPUT' ? fieldMessage(result.error) : result.error.message);
      return;
    }
    toast(`已添加 ${chosen.name}`, 'success');
    onAdded();
  };

  return (
    <View className='ht-card activity-add' role='dialog' aria-label='添加参加人'>
      <Text className='ht-card__title'>添加参加人</Text>
      <Text className='ht-form__note'>添加的同志直接计为已报名，名额已满也可以添加；候补或请假的同志会改为已报名。</Text>
      <NameSearch onSearch={setSearch} />
      <CandidateList
        candidates={candidates}
        chosenId={chosen?.id ?? null}
        onChoose={(member) => {
          setChosen(member);
          setProblem(null);
        }}
        onRetry={reload}
      />
      <ReasonField
        label='添加原因'
        name='addReason'
        value={reason}
        placeholder='如：现场参加，未及时报名'
        error={problem}
        onChange={(value) => {
          setReason(value);
          setProblem(null);
        }}
      />
      <View className='activity-actions'>
        <ActionButton loading={sending} onClick={() => void submit()}>
          {chosen ? `添加 ${chosen.name}` : '添加'}
        </ActionButton>
        <ActionButton variant='plain' disabled={sending} onClick={onClose}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}
