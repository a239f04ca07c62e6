import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BaseSummary } from '../../types/contracts/checkin';
import { BASE_LEVEL_LABELS } from '../../types/labels';
import { Cell } from '../components/Cell';
import { Tag } from '../components/Tag';
import { baseDetailUrl } from './routes';

/** `850 米`, `1.2 公里`, `36 公里`. */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${metres} 米`;
  return metres < 10_000 ? `${(metres / 1000).toFixed(1)} 公里` : `${Math.round(metres / 1000)} 公里`;
}

export function BaseCell({ base }: { base: BaseSummary }) {
  return (
    <Cell
      title={
        <View>
          <Text>{base.name} </Text>
          {base.level ? <Tag text={BASE_LEVEL_LABELS[base.level]} /> : null}
        </View>
      }
      description={`${base.county} · ${base.address}${base.approximate ? '（位置为大致范围）' : ''}`}
      value={base.distanceM !== null ? formatDistance(base.distanceM) : undefined}
      onClick={() => void Taro.navigateTo({ url: baseDetailUrl(base.id) })}
    />
  );
}
