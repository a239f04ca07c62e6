import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { StoryView } from '../../../types/contracts/story';
import { STORY_STATUS_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { Empty } from '../../components/Empty';
import { LoadingOrFailed } from '../../components/LoadingOrFailed';
import { PageShell } from '../../components/PageShell';
import { useCloud } from '../../services/useCloud';
import { storyDetailUrl } from '../routes';
import type { NewStoryParams } from './draftForm';
import { StoryEditor } from './StoryEditor';
import { SubmittedView } from './SubmittedView';
import '../authoring.css';

/** Why a work cannot be edited now, and where to go instead. */
function NotEditable({ story }: { story: StoryView }) {
  const description = story.can.withdraw
    ? '如需修改，请先在作品页撤回，撤回后回到草稿'
    : story.status === 'approved'
      ? '已发布的作品不能再修改'
      : '只有作者可以修改草稿、被退回或未通过检测的作品';
  return (
    <View className='ht-section'>
      <Empty title={`作品${STORY_STATUS_LABELS[story.status]}，不能修改`} description={description} />
      <View className='story-actions'>
        <ActionButton variant='plain' onClick={() => void Taro.redirectTo({ url: storyDetailUrl(story.id) })}>
          查看作品
        </ActionButton>
      </View>
    </View>
  );
}

/** The editor, then (after a successful submit) what happens next. */
function Writing({ story, newWork }: { story: StoryView | null; newWork: NewStoryParams }) {
  const [submitted, setSubmitted] = useState<StoryView | null>(null);
  if (submitted) return <SubmittedView story={submitted} />;
  return <StoryEditor story={story} newWork={newWork} onSubmitted={setSubmitted} />;
}

function ExistingWork({ id }: { id: string }) {
  const detail = useCloud('story', 'detail', { id });
  if (detail.status !== 'ready' || !detail.data) {
    return <LoadingOrFailed loading={detail.status === 'loading'} message={detail.error?.message} onRetry={detail.reload} />;
  }
  const { story } = detail.data;
  return story.can.edit ? <Writing story={story} newWork={{}} /> : <NotEditable story={story} />;
}

export default function StoryEditPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <View className='ht-page__body'>
        {params.id ? (
          <ExistingWork id={params.id} />
        ) : (
          <Writing
            story={null}
            newWork={{ kind: params.kind, campaignId: params.campaignId, activityId: params.activityId, baseId: params.baseId }}
          />
        )}
      </View>
    </PageShell>
  );
}
