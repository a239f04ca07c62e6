import { Text, View } from '@tarojs/components';
import type { CampaignView } from '../../../types/contracts/story';
import { STORY_KIND_LABELS, type StoryKind } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { Chips, Field } from '../../components/FormParts';
import type { CloudState } from '../../services/useCloud';
import type { ActionOutput } from '../../../types/contracts';
import { deadlineText } from '../storyText';

const NO_CAMPAIGN = 'none';

export type CampaignsState = CloudState<ActionOutput<'story', 'campaigns'>>;

/** The campaign a work of this kind may go to now: open, and taking the kind. */
export function acceptsNow(campaign: CampaignView, kind: StoryKind): boolean {
  return campaign.state === 'open' && campaign.kinds.includes(kind);
}

interface CampaignFieldProps {
  campaigns: CampaignsState;
  kind: StoryKind;
  value: string | null;
  error?: string;
  onChange: (campaignId: string | null) => void;
}

/** 参加征集: the open campaigns that take this kind, or 不参加征集. */
export function CampaignField({ campaigns, kind, value, error, onChange }: CampaignFieldProps) {
  if (campaigns.status !== 'ready' || !campaigns.data) {
    return (
      <Field label='参加征集' error={error}>
        {campaigns.status === 'loading' ? (
          <Text className='ht-field__hint'>正在加载征集…</Text>
        ) : (
          <View className='story-inline'>
            <Text className='ht-field__hint'>征集加载失败</Text>
            <ActionButton size='small' variant='plain' onClick={campaigns.reload}>
              重试
            </ActionButton>
          </View>
        )}
      </Field>
    );
  }
  const all = campaigns.data.items;
  const chosen = all.find((campaign) => campaign.id === value) ?? null;
  // A campaign already chosen stays in the list even once closed, so the writer sees what it is tied to.
  const offered = all.filter((campaign) => acceptsNow(campaign, kind) || campaign.id === value);
  const options = [
    { value: NO_CAMPAIGN, label: '不参加征集' },
    ...offered.map((campaign) => ({ value: campaign.id, label: campaign.title })),
  ];
  const hint = chosen
    ? `${deadlineText(chosen.closesAt)}${chosen.state === 'closed' ? '（已截止）' : ''}`
    : offered.length === 0
      ? `目前没有征集${STORY_KIND_LABELS[kind]}的活动`
      : undefined;
  return (
    <Field label='参加征集' error={error} hint={hint}>
      <Chips
        role='radio'
        label='参加征集'
        options={options}
        isSelected={(option) => (value ?? NO_CAMPAIGN) === option}
        onToggle={(option) => onChange(option === NO_CAMPAIGN ? null : option)}
      />
    </Field>
  );
}
