import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';

export default function StoriesPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <Section
          title='投稿'
          status='ready'
          isEmpty
          emptyTitle='投稿功能即将上线'
          emptyDescription='届时可以提交红色故事、心得体会、理论文章和文艺作品'
        />
      </View>
    </PageShell>
  );
}
