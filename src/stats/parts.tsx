import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Empty } from '../components/Empty';
import { ErrorState } from '../components/ErrorState';
import { InputField, TextareaField } from '../components/FormParts';
import { LoadingOrFailed } from '../components/LoadingOrFailed';
import { Skeleton } from '../components/Skeleton';
import type { CloudState } from '../services/useCloud';
import { asOfText, percent } from './format';
import type { Loading } from './records';

interface LoadedProps<T> {
  state: CloudState<T>;
  skeletonRows?: number;
  children: (data: T) => ReactNode;
}

/** A whole page's one load: a skeleton card, an error card with 重试, or the page built from the data. */
export function Loaded<T>({ state, skeletonRows = 6, children }: LoadedProps<T>) {
  if (state.status === 'loading') {
    return (
      <View className='ht-card'>
        <Skeleton rows={skeletonRows} />
      </View>
    );
  }
  if (state.status === 'error' || state.data === undefined) {
    return (
      <View className='ht-card'>
        <ErrorState message={state.error?.message ?? '加载失败'} onRetry={state.reload} />
      </View>
    );
  }
  return <>{children(state.data)}</>;
}

/** A record (useRecord) not on screen yet: placeholder bars while it loads, else the failure with 重试. */
export function RecordNotReady({ state, onRetry }: { state: Exclude<Loading<unknown>, { status: 'ready' }>; onRetry: () => void }) {
  return (
    <LoadingOrFailed
      loading={state.status === 'loading'}
      message={state.status === 'error' ? state.error.message : undefined}
      onRetry={onRetry}
    />
  );
}

/** No programme yet (or none running and none before it): nothing to count against. */
export function NoProgramme({ description }: { description: string }) {
  return (
    <View className='ht-section'>
      <Empty title='暂无学习活动方案' description={description} />
    </View>
  );
}

interface RateBarProps {
  label: string;
  /** What the bar measures against, e.g. `12/30 人` or `2/1 件`; the rate follows it. */
  detail: string;
  rate: number;
  /** A bar that is the row's own link (a branch in the ranking) says so to screen readers. */
  onClick?: () => void;
}

/**
 * One labelled CSS bar: a chart where people would rather look than read, drawn without a chart
 * library (issue 14 asks to weigh one against the package budget; plain bars cost nothing).
 */
export function RateBar({ label, detail, rate, onClick }: RateBarProps) {
  const shown = percent(rate);
  return (
    <View className={`stats-bar${onClick ? ' stats-bar--tappable' : ''}`} role='group' aria-label={`${label} ${shown}`} onClick={onClick}>
      <View className='stats-bar__head'>
        <Text className='stats-bar__label'>{label}</Text>
        <Text className='stats-bar__value'>
          {detail} · {shown}
        </Text>
      </View>
      <View className='stats-bar__track'>
        <View className='stats-bar__fill' style={{ width: shown }} />
      </View>
    </View>
  );
}

/** 「数据更新于 14:03」 under a page's numbers. */
export function AsOfLine({ asOf }: { asOf: string | null }) {
  return <Text className='stats-as-of'>{asOfText(asOf, Date.now())}</Text>;
}

export interface Figure {
  label: string;
  value: string;
}

/** Headline numbers in a grid of tiles, each its value over its name. */
export function FigureGrid({ figures }: { figures: readonly Figure[] }) {
  return (
    <View className='stats-figures'>
      {figures.map((figure) => (
        <View key={figure.label} className='stats-figure' role='group' aria-label={`${figure.label} ${figure.value}`}>
          <Text className='stats-figure__value'>{figure.value}</Text>
          <Text className='stats-figure__label'>{figure.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** The fields every programme form opens with. */
export interface BasicsForm {
  title: string;
  year: string;
  description: string;
}

interface BasicsFieldsProps {
  form: BasicsForm;
  errors: Record<string, string | undefined>;
  /** Editing a field clears its own error. */
  update: (patch: Partial<BasicsForm>, ...clears: string[]) => void;
  descriptionPlaceholder?: string;
}

/** 方案名称, 年度 and 方案说明 of a programme form's 基本信息 (the learning programme's, the 四红 one's). */
export function BasicsFields({ form, errors, update, descriptionPlaceholder }: BasicsFieldsProps) {
  return (
    <>
      <InputField
        label='方案名称'
        name='title'
        value={form.title}
        error={errors.title}
        maxlength={60}
        onChange={(title) => update({ title }, 'title')}
      />
      <InputField
        label='年度'
        name='year'
        type='number'
        value={form.year}
        error={errors.year}
        onChange={(year) => update({ year }, 'year')}
      />
      <TextareaField
        label='方案说明（选填）'
        name='description'
        value={form.description}
        error={errors.description}
        maxlength={2000}
        placeholder={descriptionPlaceholder}
        onChange={(description) => update({ description }, 'description')}
      />
    </>
  );
}
