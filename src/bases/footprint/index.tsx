import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';

export default function FootprintPage() {
  return (
    <PageShell>
      <View className='ht-page__body' />
    </PageShell>
  );
}
