import { Text, View } from '@tarojs/components';

/** For someone the app knows but no branch has admitted yet. */
export function JoinHint() {
  return (
    <View className='ht-card'>
      <Text className='ht-card__title'>尚未加入党支部</Text>
      <Text className='ht-card__text'>
        加入党支部需要由支部书记邀请。请向所在支部的书记索取邀请链接或二维码，加入后即可报名活动、参加答题和投稿。
      </Text>
    </View>
  );
}
