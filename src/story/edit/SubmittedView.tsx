import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StoryView } from '../../../types/contracts/story';
import { STORY_STATUS_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { MY_STORIES_URL, storyDetailUrl } from '../routes';

/** What happens next, by the status submit answered with. */
function nextStep(story: StoryView): { title: string; text: string } {
  if (story.status === 'checking') {
    return { title: '图片安全检测中，通过后将交支部审核', text: '检测一般几分钟内完成，进度可在「我的投稿」查看。' };
  }
  if (story.status === 'pending') return { title: '已提交，等待支部审核', text: `${story.branchName}书记审核后会通知你。` };
  return { title: STORY_STATUS_LABELS[story.status], text: '' };
}

/** The screen after a successful submit, in place of the editor. */
export function SubmittedView({ story }: { story: StoryView }) {
  const step = nextStep(story);
  return (
    <View className='ht-card story-submitted' role='status'>
      <Text className='story-submitted__mark'>✓</Text>
      <Text className='story-submitted__title'>{step.title}</Text>
      {step.text ? <Text className='story-submitted__text'>{step.text}</Text> : null}
      <View className='story-actions'>
        <ActionButton onClick={() => void Taro.redirectTo({ url: storyDetailUrl(story.id) })}>查看作品</ActionButton>
        <ActionButton variant='plain' onClick={() => void Taro.redirectTo({ url: MY_STORIES_URL })}>
          我的投稿
        </ActionButton>
      </View>
    </View>
  );
}
