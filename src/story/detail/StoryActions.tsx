import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionOutput } from '../../../types/contracts';
import type { CampaignView, StoryView } from '../../../types/contracts/story';
import { STORY_AWARDS, STORY_AWARD_LABELS, type StoryAward } from '../../../types/labels';
import type { Result } from '../../../types/result';
import { ActionButton } from '../../components/ActionButton';
import { Chips, FormError, ReasonField, TextareaField, useReasonField } from '../../components/FormParts';
import { callFunction } from '../../services/cloud';
import { fieldMessage } from '../../services/fieldError';
import { toast } from '../../utils/toast';
import { storyEditUrl } from '../routes';
import { useCampaign } from '../useCampaign';

type StoryResult = Result<ActionOutput<'story', 'review'>>;

export interface ActionProps {
  story: StoryView;
  /** The work as the server answered the action. */
  onChanged: (story: StoryView) => void;
  /** The server refused because the work moved on meanwhile (reviewed elsewhere, withdrawn): reload it. */
  onRefused: () => void;
}

/** Refusals that mean the work is no longer what this page shows; the toast already said why. */
function isStale(result: StoryResult): boolean {
  return !result.ok && ['CONFLICT', 'NOT_FOUND', 'FORBIDDEN'].includes(result.error.code);
}

/** One action at a time per panel; the answer's work replaces the page's, a stale refusal reloads it. */
function useStoryAction({ onChanged, onRefused }: Omit<ActionProps, 'story'>) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (name: string, call: () => Promise<StoryResult>, done: string): Promise<StoryResult | null> => {
    if (busy) return null;
    setBusy(name);
    const result = await call();
    setBusy(null);
    if (result.ok) {
      toast(done, 'success');
      onChanged(result.data.story);
    } else if (isStale(result)) {
      onRefused();
    }
    return result;
  };
  return { busy, run };
}

/** The author's own work: 编辑 while it may change, 撤回 while nobody has reviewed it. */
export function AuthorActions({ story, onChanged, onRefused }: ActionProps) {
  const { busy, run } = useStoryAction({ onChanged, onRefused });
  if (!story.can.edit && !story.can.withdraw) return null;

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回投稿',
      content: '撤回后作品回到草稿，只有你能看到，修改后可以再次提交。',
      confirmText: '撤回',
      cancelText: '不撤回',
      confirmColor: '#C8161D',
    });
    if (!confirm) return;
    await run('withdraw', () => callFunction('story', 'withdraw', { id: story.id }), '已撤回为草稿');
  };

  return (
    <View className='story-actions'>
      {story.can.edit ? (
        <ActionButton onClick={() => void Taro.navigateTo({ url: storyEditUrl({ id: story.id }) })}>
          {story.status === 'draft' ? '继续编辑' : '修改后重新提交'}
        </ActionButton>
      ) : null}
      {story.can.withdraw ? (
        <ActionButton variant='plain' loading={busy === 'withdraw'} onClick={() => void withdraw()}>
          撤回
        </ActionButton>
      ) : null}
    </View>
  );
}

/** 支部审核: approve (an optional note) or return (the reason is required, and the author reads it). */
export function ReviewPanel({ story, onChanged, onRefused }: ActionProps) {
  const { busy, run } = useStoryAction({ onChanged, onRefused });
  const reason = useReasonField('请填写退回原因，作者会看到它');

  const review = async (decision: 'approve' | 'return') => {
    const comment = decision === 'return' ? reason.checked() : reason.field.value.trim();
    if (comment === null) return;
    const result = await run(
      decision,
      () => callFunction('story', 'review', { id: story.id, decision, comment }),
      decision === 'approve' ? '已通过，作品已发布' : '已退回作者修改',
    );
    if (result && !result.ok && result.error.field === 'comment') reason.setError(fieldMessage(result.error));
  };

  return (
    <View className='ht-card story-panel' aria-label='支部审核'>
      <Text className='ht-card__title'>支部审核</Text>
      <ReasonField label='审核意见' name='comment' placeholder='退回时必须填写原因；通过时可留空' {...reason.field} />
      <View className='story-actions'>
        <ActionButton loading={busy === 'approve'} disabled={busy !== null} onClick={() => void review('approve')}>
          通过
        </ActionButton>
        <ActionButton variant='plain' loading={busy === 'return'} disabled={busy !== null} onClick={() => void review('return')}>
          退回
        </ActionButton>
      </View>
    </View>
  );
}

/** 推荐到组织部: the secretary puts an approved work forward, with an optional note. */
export function RecommendPanel({ story, onChanged, onRefused }: ActionProps) {
  const { busy, run } = useStoryAction({ onChanged, onRefused });
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const recommend = async () => {
    const result = await run('recommend', () => callFunction('story', 'recommend', { id: story.id, note: note.trim() }), '已推荐到组织部');
    if (result && !result.ok && result.error.field === 'note') setError(fieldMessage(result.error));
  };

  return (
    <View className='ht-card story-panel' aria-label='推荐到组织部'>
      <Text className='ht-card__title'>推荐到组织部</Text>
      <TextareaField
        label='推荐理由（选填）'
        name='note'
        value={note}
        error={error}
        maxlength={200}
        placeholder='如：讲述本地革命先辈事迹，感染力强'
        onChange={(value) => {
          setNote(value);
          setError(null);
        }}
      />
      <ActionButton loading={busy === 'recommend'} onClick={() => void recommend()}>
        推荐到组织部
      </ActionButton>
    </View>
  );
}

type AwardChoice = StoryAward | 'none';

/** `一等奖（剩 1 个）`, `一等奖（已用完）`; without a campaign there are no quotas to show. */
export function awardOptionLabel(award: StoryAward, campaign: CampaignView | null): string {
  if (!campaign) return STORY_AWARD_LABELS[award];
  const left = campaign.awards[award] - campaign.awarded[award];
  return left > 0 ? `${STORY_AWARD_LABELS[award]}（剩 ${left} 个）` : `${STORY_AWARD_LABELS[award]}（已用完）`;
}

/** 择优上报 (org admins): select the recommended work with an award, or change the award it has. */
export function SelectPanel({ story, onChanged, onRefused }: ActionProps) {
  const { busy, run } = useStoryAction({ onChanged, onRefused });
  const { campaign, reload: reloadCampaign } = useCampaign(story.campaignId);
  // Awards belong to a campaign's quotas: a work outside one is selected (上报) without an award.
  const inCampaign = story.campaignId !== null;
  const current: AwardChoice | null = story.selection ? (story.selection.award ?? 'none') : null;
  const [choice, setChoice] = useState<AwardChoice | null>(current ?? (inCampaign ? null : 'none'));
  const [problem, setProblem] = useState<string | null>(null);
  const options: Array<{ value: AwardChoice; label: string }> = [
    ...(inCampaign ? STORY_AWARDS.map((award) => ({ value: award, label: awardOptionLabel(award, campaign) })) : []),
    { value: 'none' as const, label: '不设奖' },
  ];
  // Selected outside a campaign there is nothing left to choose.
  if (!inCampaign && current) return null;

  const select = async () => {
    if (choice === null) {
      setProblem('请选择奖项，或选“不设奖”');
      return;
    }
    const award = choice === 'none' ? null : choice;
    const result = await run(
      'select',
      () => callFunction('story', 'select', { id: story.id, award }),
      current ? '奖项已修改' : '已择优上报',
    );
    // The quotas moved (by this award, or on FULL by someone else's): read them again so each chip says what is left.
    if (result && (result.ok || result.error.code === 'FULL')) reloadCampaign();
    if (result && !result.ok && !isStale(result)) setProblem(result.error.message);
  };

  return (
    <View className='ht-card story-panel' aria-label='择优上报'>
      <Text className='ht-card__title'>{current ? '修改奖项' : '择优上报'}</Text>
      <Text className='ht-form__note'>
        {inCampaign ? `「${story.campaignTitle ?? ''}」的奖项，括号里是剩余名额` : '这件作品不属于征集，只上报、不评奖'}
      </Text>
      <Chips
        role='radio'
        label='奖项'
        options={options}
        isSelected={(value) => choice === value}
        onToggle={(value) => {
          setChoice(value);
          setProblem(null);
        }}
      />
      <FormError message={problem ?? undefined} />
      <ActionButton loading={busy === 'select'} onClick={() => void select()}>
        {current ? '保存奖项' : '择优上报'}
      </ActionButton>
    </View>
  );
}
