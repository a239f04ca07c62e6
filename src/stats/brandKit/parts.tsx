import { Text, View } from '@tarojs/components';
import type { BrandProgrammeView } from '../../../types/contracts/brand';
import type { BrandKey, BrandStage } from '../../../types/labels';
import { Tag } from '../../components/Tag';
import { formatDeadline, quotaText, STAGE_CHIP_LABELS, STAGE_STEPS } from './text';

/** The stage chip lists and headings show: 党建红 while something is open, grey once it is over. */
export function StageChip({ stage }: { stage: BrandStage }) {
  return <Tag tone={stage === 'closed' ? 'grey' : 'red'} text={STAGE_CHIP_LABELS[stage]} />;
}

/** 申报 → 互查 → 评议 → 验收, each with the Beijing time it closes; the current one highlighted, those done dimmed. */
export function StageTimeline({ programme, stage }: { programme: BrandProgrammeView; stage: BrandStage }) {
  const current = STAGE_STEPS.findIndex((step) => step.stage === stage);
  return (
    <View className='brand-steps' role='list' aria-label='阶段'>
      {STAGE_STEPS.map((step, index) => {
        const done = current === -1 || index < current;
        const now = index === current;
        return (
          <View
            key={step.stage}
            role='listitem'
            aria-current={now ? 'step' : undefined}
            aria-label={`${step.label}${now ? '（进行中）' : done ? '（已结束）' : ''} ${formatDeadline(programme[step.deadline])} 截止`}
            className={`brand-step${now ? ' brand-step--now' : ''}${done ? ' brand-step--done' : ''}`}
          >
            <Text className='brand-step__label'>{step.label}</Text>
            <Text className='brand-step__deadline'>{formatDeadline(programme[step.deadline])}</Text>
          </View>
        );
      })}
    </View>
  );
}

export interface BrandTally {
  key: BrandKey;
  selected: number;
  selectTotal: number;
}

/** `红色基地 8/10` per brand, 名额已满 once a brand has no place left: what 择优 may still take. */
export function QuotaChips({ brands }: { brands: readonly BrandTally[] }) {
  return (
    <View className='brand-quotas' role='list' aria-label='评选名额'>
      {brands.map((brand) => {
        const full = brand.selected >= brand.selectTotal;
        return (
          <View key={brand.key} role='listitem' className={`brand-quota${full ? ' brand-quota--full' : ''}`}>
            <Text>{quotaText(brand.key, brand.selected, brand.selectTotal)}</Text>
            {full ? <Text className='brand-quota__full'>名额已满</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

/** Each brand of a programme against what has been selected so far. */
export function programmeTallies(programme: BrandProgrammeView): BrandTally[] {
  return programme.brands.map((brand) => ({
    key: brand.key,
    selected: programme.selected[brand.key] ?? 0,
    selectTotal: brand.selectTotal,
  }));
}
