import { Text, View } from '@tarojs/components';

/** One to five, as the rating contracts take (importing their values would bring zod into the package, ARCHITECTURE.md "Layers"). */
const SCORES = [1, 2, 3, 4, 5] as const;

interface StarPickerProps {
  /** The stars chosen so far, or null before the first tap. */
  value: number | null;
  onChange: (score: number) => void;
  label?: string;
}

/** Five stars as large as a finger (群众评议 of a work, 四红 评议); tapping one chooses it and those before it. */
export function StarPicker({ value, onChange, label = '评分' }: StarPickerProps) {
  return (
    <View className='ht-stars' role='radiogroup' aria-label={label}>
      {SCORES.map((score) => (
        <View
          key={score}
          role='radio'
          aria-checked={value === score}
          aria-label={`${score} 星`}
          className={`ht-stars__star${value !== null && score <= value ? ' ht-stars__star--on' : ''}`}
          onClick={() => onChange(score)}
        >
          <Text>★</Text>
        </View>
      ))}
    </View>
  );
}
