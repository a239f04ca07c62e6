import { Text, View } from '@tarojs/components';
import { Tag } from '../../components/Tag';

/**
 * The pieces a quiz question is drawn with — type tag, stem, lettered options, reviewed options —
 * on the shared `quiz-*` classes of ../quiz.css. The take and result pages draw the same markup
 * inline and can switch to these without a visual change.
 */

export type QuestionKind = 'single' | 'multiple' | 'judge';

export const TYPE_LABELS: Record<QuestionKind, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };
const OPTION_LETTERS = 'ABCDEFGHIJ';

export function optionLetter(index: number): string {
  return OPTION_LETTERS[index] ?? String(index + 1);
}

/** Toggles for multiple choice, replaces for single and judge; indexes kept ascending. */
export function nextChoice(type: QuestionKind, previous: readonly number[], index: number): number[] {
  if (type !== 'multiple') return [index];
  return previous.includes(index) ? previous.filter((item) => item !== index) : [...previous, index].sort((a, b) => a - b);
}

interface OptionListProps {
  questionId: string;
  type: QuestionKind;
  options: readonly string[];
  chosen: readonly number[];
  locked?: boolean;
  onChoose: (index: number) => void;
}

export function OptionList({ questionId, type, options, chosen, locked = false, onChoose }: OptionListProps) {
  return (
    <View className='quiz-take__options'>
      {options.map((option, index) => {
        const isChosen = chosen.includes(index);
        return (
          <View
            key={`${questionId}-${index}`}
            className={`quiz-option${isChosen ? ' quiz-option--chosen' : ''}${locked ? ' quiz-option--locked' : ''}`}
            hoverClass={locked ? 'none' : 'quiz-option--pressed'}
            onClick={() => {
              if (!locked) onChoose(index);
            }}
          >
            <Text className={`quiz-option__letter${type === 'multiple' ? ' quiz-option__letter--square' : ''}`}>{optionLetter(index)}</Text>
            <Text className='quiz-option__text'>{option}</Text>
          </View>
        );
      })}
    </View>
  );
}

interface QuestionHeadProps {
  type: QuestionKind;
  stem: string;
  /** Right of the type tag, e.g. 第 2/5 题. */
  aside?: string;
}

export function QuestionHead({ type, stem, aside }: QuestionHeadProps) {
  return (
    <>
      <View className='quiz-take__meta'>
        <Tag text={TYPE_LABELS[type]} />
        {aside ? <Text className='quiz-take__points'>{aside}</Text> : null}
      </View>
      <Text className='quiz-take__stem'>{stem}</Text>
      {type === 'multiple' ? <Text className='quiz-take__hint'>可多选</Text> : null}
    </>
  );
}

interface ReviewedOptionsProps {
  options: readonly string[];
  chosen: readonly number[];
  correct: readonly number[];
}

/** Options after answering: the correct ones green, a wrong choice struck through, both labelled in words. */
export function ReviewedOptions({ options, chosen, correct }: ReviewedOptionsProps) {
  return (
    <>
      {options.map((option, index) => {
        const isCorrect = correct.includes(index);
        const isChosen = chosen.includes(index);
        const tone = isCorrect ? ' quiz-review__option--correct' : isChosen ? ' quiz-review__option--wrong' : '';
        const marks = [isChosen ? '你的选择' : '', isCorrect ? '正确答案' : ''].filter(Boolean).join(' · ');
        return (
          <View key={index} className={`quiz-review__option${tone}`}>
            <Text className='quiz-review__option-text'>
              {optionLetter(index)}. {option}
            </Text>
            {marks ? <Text className='quiz-review__mark'>{marks}</Text> : null}
          </View>
        );
      })}
    </>
  );
}
