import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { countWords } from '../../../core/story/wordCount';
import type { BrandNominationView, BrandProgrammeView } from '../../../types/contracts/brand';
import type { MemberView } from '../../../types/contracts/member';
import {
  BRAND_DESCRIPTION_MAX_WORDS,
  BRAND_DESCRIPTION_MIN_WORDS,
  BRAND_KEYS,
  BRAND_LABELS,
  BRAND_PHOTOS_MAX,
  BRAND_TITLE_MAX,
  BRAND_TITLE_MIN,
  type BrandKey,
} from '../../../types/labels';
import type { Result } from '../../../types/result';
import { ActionButton } from '../../components/ActionButton';
import { Chips, Field, FormError, FormSection, InputField } from '../../components/FormParts';
import { LoadingOrFailed } from '../../components/LoadingOrFailed';
import { ManagerGate } from '../../components/ManagerGate';
import { PageShell } from '../../components/PageShell';
import { useSending } from '../../components/useSending';
import { useFieldErrors } from '../../components/useFormFields';
import { Empty } from '../../components/Empty';
import { callFunction } from '../../services/cloud';
import { errorSlot, fieldMessage, FORM_SLOT } from '../../services/fieldError';
import { useOrgBranches } from '../../services/orgBranches';
import { BodyField } from '../../story/edit/BodyField';
import { ImageUploads } from '../../story/edit/ImageUploads';
import { useUploads } from '../../story/edit/useUploads';
import { toast } from '../../utils/toast';
import { findBrandProgramme, findNomination } from '../brandKit/load';
import { RecordNotReady } from '../parts';
import { useRecord } from '../records';
import { formatDeadline, stageAt } from '../brandKit/text';
import { brandProgrammeUrl } from '../routes';
import { MemberPicker, type Nominee } from './MemberPicker';
import '../../story/authoring.css';
import '../stats.css';

const FIELDS = ['brand', 'branchId', 'title', 'description', 'photos', 'nomineeMemberId'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | typeof FORM_SLOT, string>>;

/** Photos go where a work's do, in a folder of their own. */
const PHOTO_FOLDER = 'brand-nominations';

const TITLE_PLACEHOLDERS: Record<BrandKey, string> = {
  gardener: '如：扎根山区二十年的思政教师',
  bookhouse: '如：“红星”师生书屋',
  classroom: '如：“周周讲”红色故事课堂',
  base: '如：校史馆红色文化展厅',
};

function isBrandKey(value: string | undefined): value is BrandKey {
  return (BRAND_KEYS as readonly string[]).includes(value ?? '');
}

/** Org admins name the unit they nominate for; a secretary's is their own. */
function UnitPicker({ value, error, onChange }: { value: string; error?: string; onChange: (branchId: string) => void }) {
  const tree = useOrgBranches();
  if (tree.status !== 'ready') {
    return <LoadingOrFailed loading={tree.status === 'loading'} message={tree.error?.message} onRetry={tree.reload} />;
  }
  const index = tree.branches.findIndex((branch) => branch.id === value);
  return (
    <Field label='申报单位' error={error}>
      <Picker
        mode='selector'
        name='branchId'
        range={tree.branches.map((branch) => branch.name)}
        value={Math.max(index, 0)}
        onChange={(event) => {
          const branch = tree.branches[Number(event.detail.value)];
          if (branch) onChange(branch.id);
        }}
      >
        <View className='ht-input'>{index >= 0 ? tree.branches[index]?.name : '选择党支部'}</View>
      </Picker>
    </Field>
  );
}

interface NominationFormProps {
  programme: BrandProgrammeView;
  member: MemberView;
  /** Given: edit it (its brand and unit stay). */
  existing: BrandNominationView | null;
  initialBrand: BrandKey | null;
}

function NominationForm({ programme, member, existing, initialBrand }: NominationFormProps) {
  const brands = programme.brands.map((brand) => brand.key);
  const [brand, setBrand] = useState<BrandKey | null>(
    existing?.brand ?? (initialBrand && brands.includes(initialBrand) ? initialBrand : (brands[0] ?? null)),
  );
  const [branchId, setBranchId] = useState(existing?.branchId ?? (member.role === 'secretary' ? member.branchId : ''));
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [nominee, setNominee] = useState<Nominee | null>(existing?.nominee ?? null);
  const uploads = useUploads<null>(PHOTO_FOLDER, existing ? existing.photos.map(({ fileId, url }) => ({ fileId, url, meta: null })) : []);
  const { errors, setErrors, clear } = useFieldErrors<Errors>();
  const { sending: submitting, isSending, send } = useSending();

  const check = (): Errors => {
    const found: Errors = {};
    if (!brand) found.brand = '请选择品牌';
    if (!branchId) found.branchId = '请选择申报单位';
    const trimmed = title.trim();
    if (trimmed.length < BRAND_TITLE_MIN || trimmed.length > BRAND_TITLE_MAX)
      found.title = `标题须 ${BRAND_TITLE_MIN}–${BRAND_TITLE_MAX} 字`;
    const words = countWords(description);
    if (words < BRAND_DESCRIPTION_MIN_WORDS || words > BRAND_DESCRIPTION_MAX_WORDS) {
      found.description = `简介须 ${BRAND_DESCRIPTION_MIN_WORDS}–${BRAND_DESCRIPTION_MAX_WORDS} 字（现为 ${words} 字）`;
    }
    if (brand === 'gardener' && !nominee) found.nomineeMemberId = '请选择推荐的党员教师';
    if (uploads.uploading) found.photos = '照片还在上传，请稍候';
    else if (uploads.failed > 0) found.photos = '有照片上传失败，请重试或移除';
    return found;
  };

  const submit = async () => {
    if (isSending()) return;
    const found = check();
    if (Object.keys(found).length > 0 || !brand) {
      setErrors(found);
      toast('请修改标红的内容');
      return;
    }
    const result = await send(() =>
      callFunction(
        'stats',
        'nominate',
        {
          programmeId: programme.id,
          ...(existing ? { id: existing.id } : {}),
          ...(member.role === 'org_admin' ? { branchId } : {}),
          brand,
          title: title.trim(),
          description: description.trim(),
          photos: uploads.storedFileIds,
          nomineeMemberId: brand === 'gardener' ? (nominee?.memberId ?? null) : null,
        },
        { silentError: true },
      ),
    );
    if (!result.ok) {
      const slot = result.error.field ? errorSlot(result.error.field, FIELDS) : FORM_SLOT;
      setErrors({ [slot]: slot === FORM_SLOT ? result.error.message : fieldMessage(result.error) });
      toast(result.error.message);
      return;
    }
    toast(existing ? '已保存修改' : '已提交申报', 'success');
    Taro.navigateBack().catch(() => Taro.redirectTo({ url: brandProgrammeUrl(programme.id) }));
  };

  return (
    <View className='ht-page__body'>
      <View className='ht-card'>
        <Text className='ht-card__title'>{programme.title}</Text>
        <Text className='stats-note'>申报 {formatDeadline(programme.applyEndsAt)} 截止，截止前可修改</Text>
      </View>
      <FormSection title={existing ? `修改申报 · ${BRAND_LABELS[existing.brand]}` : '申报'}>
        {existing ? null : (
          <Field label='品牌' error={errors.brand}>
            <Chips
              role='radio'
              label='品牌'
              options={brands.map((key) => ({ value: key, label: BRAND_LABELS[key] }))}
              isSelected={(key) => brand === key}
              onToggle={(key) => {
                setBrand(key);
                clear('brand', 'nomineeMemberId');
              }}
            />
          </Field>
        )}
        {member.role === 'org_admin' && !existing ? (
          <UnitPicker
            value={branchId}
            error={errors.branchId}
            onChange={(id) => {
              setBranchId(id);
              setNominee(null);
              clear('branchId', 'nomineeMemberId');
            }}
          />
        ) : null}
        {brand === 'gardener' && branchId ? (
          <MemberPicker
            branchId={branchId}
            value={nominee}
            error={errors.nomineeMemberId}
            onChange={(chosen) => {
              setNominee(chosen);
              clear('nomineeMemberId');
            }}
          />
        ) : null}
        <InputField
          label='标题'
          name='title'
          value={title}
          error={errors.title}
          maxlength={BRAND_TITLE_MAX}
          placeholder={brand ? TITLE_PLACEHOLDERS[brand] : undefined}
          onChange={(value) => {
            setTitle(value);
            clear('title');
          }}
        />
        <BodyField
          label='简介'
          name='description'
          placeholder='创建做法、特色和成效，验收时据此核对'
          maxlength={5000}
          value={description}
          minWords={BRAND_DESCRIPTION_MIN_WORDS}
          maxWords={BRAND_DESCRIPTION_MAX_WORDS}
          error={errors.description}
          onChange={(value) => {
            setDescription(value);
            clear('description');
          }}
        />
        <ImageUploads uploads={uploads} min={0} max={BRAND_PHOTOS_MAX} error={errors.photos} />
      </FormSection>
      <FormError message={errors[FORM_SLOT]} />
      <ActionButton loading={submitting} disabled={uploads.uploading} onClick={() => void submit()}>
        {existing ? '保存修改' : '提交申报'}
      </ActionButton>
    </View>
  );
}

interface Loaded {
  programme: BrandProgrammeView;
  nomination: BrandNominationView | null;
}

async function loadForm(programmeId: string, id: string | undefined): Promise<Result<Loaded | null>> {
  const programme = await findBrandProgramme(programmeId);
  if (!programme.ok || !programme.data) return programme.ok ? { ok: true, data: null } : programme;
  if (!id) return { ok: true, data: { programme: programme.data, nomination: null } };
  const nomination = await findNomination(programmeId, id);
  if (!nomination.ok) return nomination;
  return nomination.data ? { ok: true, data: { programme: programme.data, nomination: nomination.data } } : { ok: true, data: null };
}

function Nominate({ member, programmeId, id, brand }: { member: MemberView; programmeId: string; id?: string; brand: BrandKey | null }) {
  const { state, reload } = useRecord(() => loadForm(programmeId, id), `${programmeId}/${id ?? ''}`, {
    code: 'NOT_FOUND',
    message: id ? '申报不存在或已删除' : '方案不存在或已删除',
  });
  if (state.status !== 'ready') {
    return <RecordNotReady state={state} onRetry={reload} />;
  }
  const { programme, nomination } = state.data;
  if (stageAt(programme, Date.now()) !== 'apply') {
    return (
      <View className='ht-section'>
        <Empty title='申报已截止' description={`申报已于 ${formatDeadline(programme.applyEndsAt)} 截止`} />
      </View>
    );
  }
  return <NominationForm programme={programme} member={member} existing={nomination} initialBrand={brand} />;
}

/** 四红申报 (secretaries for their unit, org admins for a unit they name): brand, title, 简介, photos, for 园丁 the teacher. */
export default function NominatePage() {
  const { programmeId, id, brand } = useRouter().params;
  return (
    <PageShell>
      <ManagerGate deniedDescription='四红品牌由支部书记代表本支部申报。'>
        {(member) =>
          programmeId ? (
            <Nominate member={member} programmeId={programmeId} id={id} brand={isBrandKey(brand) ? brand : null} />
          ) : (
            <View className='ht-section'>
              <Empty title='请从四红方案进入申报' />
            </View>
          )
        }
      </ManagerGate>
    </PageShell>
  );
}
