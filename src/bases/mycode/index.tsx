import { View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';

export default function MyCheckinCodePage() {
  return (
    <PageShell>
      <View className='ht-page__body' />
    </PageShell>
  );
}
