import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BRAND_KEYS, BRAND_LABELS, type BrandKey } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { FormError, FormSection, InputField, SwitchRow } from '../../components/FormParts';
import { ManagerGate } from '../../components/ManagerGate';
import { PageShell } from '../../components/PageShell';
import { useFormFields } from '../../components/useFormFields';
import { callFunction } from '../../services/cloud';
import { FORM_SLOT } from '../../services/fieldError';
import { toast } from '../../utils/toast';
import { findBrandProgramme } from '../brandKit/load';
import { useRecord } from '../records';
import { useSaveForm } from '../useSaveForm';
import { STAGE_STEPS } from '../brandKit/text';
import { BasicsFields, RecordNotReady } from '../parts';
import { DateField } from '../programme/DateField';
import { BRANDS_URL, brandProgrammeUrl } from '../routes';
import {
  buildBrandProgramme,
  errorField,
  formFromBrandProgramme,
  initialBrandForm,
  sentBrands,
  type BrandForm,
  type BrandProgrammeForm,
  type FormErrors,
} from './form';
import '../stats.css';

/** What each brand recommends, under its switch. */
const BRAND_HINTS: Record<BrandKey, string> = {
  gardener: '党员教师中的示范标兵',
  bookhouse: '学校的红色阅读角、书屋',
  classroom: '面向师生的红色课堂，“周周讲、人人讲”',
  base: '学校自建的红色文化展示空间，配讲解员',
};

function BrandEditor({
  brandKey,
  brand,
  errors,
  onChange,
}: {
  brandKey: BrandKey;
  brand: BrandForm;
  errors: FormErrors;
  onChange: (patch: Partial<BrandForm>, ...clears: string[]) => void;
}) {
  const field = (name: string) => `brands.${brandKey}.${name}`;
  return (
    <View className='ht-row brand-editor' role='group' aria-label={BRAND_LABELS[brandKey]}>
      <SwitchRow
        title={BRAND_LABELS[brandKey]}
        description={BRAND_HINTS[brandKey]}
        checked={brand.enabled}
        onChange={(enabled) => onChange({ enabled }, 'brands')}
      />
      {brand.enabled ? (
        <View className='brand-editor__numbers'>
          <InputField
            label='每单位至少（个）'
            name={field('perUnit')}
            type='number'
            value={brand.perUnit}
            error={errors[field('perUnit')]}
            onChange={(perUnit) => onChange({ perUnit }, field('perUnit'))}
          />
          <InputField
            label='评选名额（全组织）'
            name={field('selectTotal')}
            type='number'
            value={brand.selectTotal}
            error={errors[field('selectTotal')]}
            onChange={(selectTotal) => onChange({ selectTotal }, field('selectTotal'))}
          />
        </View>
      ) : null}
    </View>
  );
}

function BrandProgrammeFormView({ initial, programmeId }: { initial: BrandProgrammeForm; programmeId: string | null }) {
  const { form, errors, setErrors, update } = useFormFields(initial);
  const { saving, save } = useSaveForm({
    build: () => buildBrandProgramme(form),
    send: (draft) =>
      callFunction('stats', 'saveBrandProgramme', programmeId ? { id: programmeId, programme: draft } : { programme: draft }, {
        silentError: true,
      }),
    slotOf: (field) => errorField(field, sentBrands(form)),
    setErrors,
    onSaved: (data) => {
      toast(data.created ? '方案已创建' : '已保存修改', 'success');
      const saved = data.programme.id;
      Taro.navigateBack().catch(() => Taro.redirectTo({ url: programmeId ? brandProgrammeUrl(saved) : BRANDS_URL }));
    },
  });

  const updateBrand = (key: BrandKey, patch: Partial<BrandForm>, ...clears: string[]) =>
    update({ brands: { ...form.brands, [key]: { ...form.brands[key], ...patch } } }, ...clears);

  return (
    <View className='ht-page__body'>
      <FormSection title='基本信息'>
        <BasicsFields form={form} errors={errors} update={update} descriptionPlaceholder='创建要求、申报材料、验收方式等' />
      </FormSection>

      <FormSection title='品牌与名额'>
        <FormError message={errors.brands} />
        {BRAND_KEYS.map((key) => (
          <BrandEditor
            key={key}
            brandKey={key}
            brand={form.brands[key]}
            errors={errors}
            onChange={(patch, ...clears) => updateBrand(key, patch, ...clears)}
          />
        ))}
      </FormSection>

      <FormSection title='各阶段截止（北京时间当天 24:00）'>
        {STAGE_STEPS.map((step) => (
          <DateField
            key={step.deadline}
            label={`${step.label}截止`}
            name={step.deadline}
            value={form.days[step.deadline]}
            error={errors[step.deadline]}
            onChange={(day) => update({ days: { ...form.days, [step.deadline]: day } }, step.deadline)}
          />
        ))}
      </FormSection>

      <FormError message={errors[FORM_SLOT]} />
      <ActionButton loading={saving} onClick={() => void save()}>
        {programmeId ? '保存修改' : '创建方案'}
      </ActionButton>
    </View>
  );
}

function EditBrandProgramme({ id }: { id: string }) {
  const { state, reload } = useRecord(() => findBrandProgramme(id), id);
  if (state.status !== 'ready') {
    return <RecordNotReady state={state} onRetry={reload} />;
  }
  return <BrandProgrammeFormView initial={formFromBrandProgramme(state.data)} programmeId={id} />;
}

/** 新建 / 编辑四红方案 (org admins): the brands with their numbers and the four stage deadlines. */
export default function BrandProgrammeEditPage() {
  const { id } = useRouter().params;
  return (
    <PageShell>
      <ManagerGate orgAdminOnly deniedDescription='四红品牌创建方案由组织部制定。'>
        {() => (id ? <EditBrandProgramme id={id} /> : <BrandProgrammeFormView initial={initialBrandForm(Date.now())} programmeId={null} />)}
      </ManagerGate>
    </PageShell>
  );
}
