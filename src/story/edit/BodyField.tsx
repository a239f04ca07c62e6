import { Text, Textarea, View } from '@tarojs/components';
import { countWords } from '../../../core/story/wordCount';
import { MAX_STORY_BODY_CODE_UNITS } from '../../../types/storyLimits';
import { Field } from '../../components/FormParts';

/** `1234` → `1,234`, without toLocaleString, which some mini-program engines lack. */
function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

interface BodyFieldProps {
  value: string;
  /** The kind's 字数 limit. */
  maxWords: number;
  minWords: number;
  error?: string;
  onChange: (value: string) => void;
  /** A 四红 nomination's 简介 uses the same counter under its own name. */
  label?: string;
  name?: string;
  placeholder?: string;
  /** The raw-text bound of the text sent. */
  maxlength?: number;
}

/** The body in a tall textarea with a live 字数 counted as a reader counts them, red once past the kind's limit. */
export function BodyField({
  value,
  maxWords,
  minWords,
  error,
  onChange,
  label = '正文',
  name = 'body',
  placeholder = '从这里开始写',
  maxlength = MAX_STORY_BODY_CODE_UNITS,
}: BodyFieldProps) {
  const words = countWords(value);
  const over = words > maxWords;
  return (
    <Field label={label} error={error} hint={minWords > 0 ? `至少 ${minWords} 字` : undefined}>
      <Textarea
        className='ht-textarea story-body'
        name={name}
        value={value}
        // The raw-text bound only (weapp's default is 140); the 字数 limit is counted and shown, never cut.
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
      <View className='story-words-line'>
        <Text className={`story-words${over ? ' story-words--over' : ''}`} aria-live='polite'>
          {groupThousands(words)} / {maxWords} 字
        </Text>
      </View>
    </Field>
  );
}
