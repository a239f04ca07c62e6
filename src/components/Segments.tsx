import { Text, View } from '@tarojs/components';

export interface Segment<K extends string> {
  key: K;
  label: string;
  /** Shown after the label, e.g. how many attendees are in this status. */
  count?: number;
}

interface SegmentsProps<K extends string> {
  segments: ReadonlyArray<Segment<K>>;
  value: K;
  onChange: (key: K) => void;
}

/** A weui-like segmented control: one row of equal tabs, the chosen one in 党建红. */
export function Segments<K extends string>({ segments, value, onChange }: SegmentsProps<K>) {
  return (
    <View className='ht-segments' role='tablist'>
      {segments.map((segment) => (
        <View
          key={segment.key}
          role='tab'
          aria-selected={segment.key === value}
          className={`ht-segments__tab${segment.key === value ? ' ht-segments__tab--active' : ''}`}
          onClick={() => onChange(segment.key)}
        >
          <Text>{segment.count === undefined ? segment.label : `${segment.label} ${segment.count}`}</Text>
        </View>
      ))}
    </View>
  );
}
