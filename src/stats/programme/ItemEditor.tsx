import { View } from '@tarojs/components';
import type { EvidenceType } from '../../../types/contracts/stats';
import { STORY_KINDS, STORY_KIND_LABELS, type ProgrammeItemKey } from '../../../types/labels';
import { Chips, Field, InputField, SwitchRow, TextareaField } from '../../components/FormParts';
import { EVIDENCE_LABELS } from '../labels';
import { DateField } from './DateField';
import type { FormErrors, ItemForm } from './form';

const STORY_KIND_OPTIONS = STORY_KINDS.map((kind) => ({ value: kind, label: STORY_KIND_LABELS[kind] }));
const EVIDENCE_OPTIONS = (Object.keys(EVIDENCE_LABELS) as EvidenceType[]).map((type) => ({ value: type, label: EVIDENCE_LABELS[type] }));

interface ItemEditorProps {
  itemKey: ProgrammeItemKey;
  item: ItemForm;
  errors: FormErrors;
  onChange: (patch: Partial<ItemForm>, ...clears: string[]) => void;
}

function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((chosen) => chosen !== value) : [...list, value];
}

/** One of the 六个一: whether the programme has it, what it is called, what counts as doing it, and by when. */
export function ItemEditor({ itemKey, item, errors, onChange }: ItemEditorProps) {
  const field = (name: string) => `items.${itemKey}.${name}`;
  return (
    <View className='stats-item-editor' role='group' aria-label={item.title}>
      <SwitchRow
        title={item.title || '（未命名）'}
        description={item.enabled ? '纳入本方案' : '不纳入本方案'}
        checked={item.enabled}
        onChange={(enabled) => onChange({ enabled }, 'items')}
      />
      {item.enabled ? (
        <>
          <InputField
            label='项目名称'
            name={field('title')}
            value={item.title}
            error={errors[field('title')]}
            maxlength={40}
            onChange={(title) => onChange({ title }, field('title'))}
          />
          <TextareaField
            label='每名党员要做的（选填）'
            name={field('perMember')}
            value={item.perMember}
            maxlength={200}
            onChange={(perMember) => onChange({ perMember })}
          />
          <Field label='怎样算完成' error={errors[field('evidence')]}>
            <Chips
              role='checkbox'
              label={`${item.title}的完成方式`}
              options={EVIDENCE_OPTIONS}
              isSelected={(type) => item.evidence.includes(type)}
              onToggle={(type) => onChange({ evidence: toggled(item.evidence, type) }, field('evidence'))}
            />
          </Field>
          {item.evidence.includes('story') ? (
            <Field label='计入的投稿类型' hint='不选则按默认：党课视频、红色故事或心得体会'>
              <Chips
                role='checkbox'
                label={`${item.title}计入的投稿类型`}
                options={STORY_KIND_OPTIONS}
                isSelected={(kind) => item.storyKinds.includes(kind)}
                onToggle={(kind) => onChange({ storyKinds: toggled(item.storyKinds, kind) })}
              />
            </Field>
          ) : null}
          <DateField
            label='截止日期（选填）'
            name={field('deadline')}
            value={item.deadline}
            hint='当天 24:00 截止'
            onChange={(deadline) => onChange({ deadline })}
            onClear={() => onChange({ deadline: '' })}
          />
        </>
      ) : null}
    </View>
  );
}
