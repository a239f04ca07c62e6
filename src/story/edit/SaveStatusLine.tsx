import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/ActionButton';
import type { SaveStatus } from './useAutosave';

interface SaveStatusLineProps {
  status: SaveStatus;
  onRetry: () => void;
  onReload: () => void;
}

/** Where the draft stands with the server: 已保存 14:03, 保存中…, a failure to retry, or another device's change to reload. */
export function SaveStatusLine({ status, onRetry, onReload }: SaveStatusLineProps) {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'unsaved':
      return <Text className='story-save'>有修改未保存，稍后自动保存</Text>;
    case 'saving':
      return <Text className='story-save'>保存中…</Text>;
    case 'saved':
      return <Text className='story-save'>已保存 {status.at}</Text>;
    case 'failed':
      return (
        <View className='story-save story-save--failed' role='button' onClick={onRetry}>
          <Text>保存失败，点此重试</Text>
        </View>
      );
    case 'refused':
      return <Text className='story-save story-save--refused'>未保存：请先修改标红的内容</Text>;
    case 'conflict':
      return (
        <View className='story-notice story-notice--alert' role='alert'>
          <Text className='story-notice__title'>作品已在其他设备修改</Text>
          <Text className='story-notice__text'>这里的修改没有保存，已留在本机。重新载入后可以选择恢复。</Text>
          <ActionButton size='small' variant='plain' onClick={onReload}>
            重新载入
          </ActionButton>
        </View>
      );
  }
}
