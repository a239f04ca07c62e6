import { Text, View } from '@tarojs/components';
import type { AttemptQuestion } from '../../../types/contracts/quiz';
import { Tag } from '../../components/Tag';

const TYPE_LABELS: Record<AttemptQuestion['type'], string> = { single: '单选题', multiple: '多选题', judge: '判断题' };
const OPTION_LETTERS = 'ABCDEFGHIJ';

/** The choice after tapping an option: multiple choice toggles it (kept sorted), the others replace. */
export function nextChoice(question: AttemptQuestion, previous: readonly number[], optionIndex: number): number[] {
  if (question.type !== 'multiple') return [optionIndex];
  return previous.includes(optionIndex)
    ? previous.filter((index) => index !== optionIndex)
    : [...previous, optionIndex].sort((a, b) => a - b);
}

interface QuestionCardProps {
  question: AttemptQuestion;
  chosen: readonly number[];
  /** Time is up or the attempt is handed in: options no longer respond. */
  locked: boolean;
  /** What the member taps after choosing several options (下一题 / 交卷 / 提交本题). */
  confirmLabel: string;
  onChoose: (optionIndex: number) => void;
}

/** One question with its options as large tappable rows, in the order this attempt shows them. */
export function QuestionCard({ question, chosen, locked, confirmLabel, onChoose }: QuestionCardProps) {
  return (
    <View className='quiz-take__card'>
      <View className='quiz-take__meta'>
        <Tag text={TYPE_LABELS[question.type]} />
        <Text className='quiz-take__points'>{question.points} 分</Text>
      </View>
      <Text className='quiz-take__stem'>{question.stem}</Text>
      {question.type === 'multiple' ? <Text className='quiz-take__hint'>可多选，选好后点“{confirmLabel}”</Text> : null}
      <View className='quiz-take__options'>
        {question.options.map((option, index) => {
          const isChosen = chosen.includes(index);
          return (
            <View
              key={`${question.id}-${index}`}
              className={`quiz-option${isChosen ? ' quiz-option--chosen' : ''}${locked ? ' quiz-option--locked' : ''}`}
              hoverClass={locked ? 'none' : 'quiz-option--pressed'}
              onClick={() => onChoose(index)}
            >
              <Text className={`quiz-option__letter${question.type === 'multiple' ? ' quiz-option__letter--square' : ''}`}>
                {OPTION_LETTERS[index] ?? String(index + 1)}
              </Text>
              <Text className='quiz-option__text'>{option}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
