/**
 * The brand programme form and its conversion to and from the contract's draft: deadlines are picked
 * as Shanghai calendar days, each closing at that day's 24:00, and numbers are typed as text.
 */
import { BUREAU_QUOTAS } from '../../../core/brand/quotas';
import type { BrandDeadline, BrandProgrammeDraftInput, BrandProgrammeView } from '../../../types/contracts/brand';
import { BRAND_KEYS, type BrandKey } from '../../../types/labels';
import { DEADLINE_FIELDS } from '../brandKit/text';
import { shanghaiDate, shanghaiPickerValues, shanghaiToIsoUtc } from '../../utils/format';
import type { FormErrors } from '../../components/useFormFields';

export interface BrandForm {
  enabled: boolean;
  perUnit: string;
  selectTotal: string;
}

export interface BrandProgrammeForm {
  title: string;
  year: string;
  description: string;
  brands: Record<BrandKey, BrandForm>;
  /** YYYY-MM-DD per deadline: the last day of its stage. */
  days: Record<BrandDeadline, string>;
}

/** Days after today each stage closes by default: a month to apply, then two weeks each, a month to accept. */
const DEFAULT_OFFSETS: Record<BrandDeadline, number> = { applyEndsAt: 30, reviewEndsAt: 44, ratingEndsAt: 58, acceptanceEndsAt: 88 };

export function initialBrandForm(nowMs: number): BrandProgrammeForm {
  const year = shanghaiDate(nowMs).slice(0, 4);
  const brands = {} as Record<BrandKey, BrandForm>;
  for (const key of BRAND_KEYS) {
    brands[key] = { enabled: true, perUnit: String(BUREAU_QUOTAS[key].perUnit), selectTotal: String(BUREAU_QUOTAS[key].selectTotal) };
  }
  const days = {} as Record<BrandDeadline, string>;
  for (const deadline of DEADLINE_FIELDS) days[deadline] = shanghaiDate(nowMs, DEFAULT_OFFSETS[deadline]);
  return { title: `${year}年“四红”党建品牌创建`, year, description: '', brands, days };
}

/** The day a deadline closes, as picked: one at midnight is the end of the day before. */
function pickedDay(iso: string): string {
  return shanghaiPickerValues(new Date(Date.parse(iso) - 1).toISOString()).date;
}

export function formFromBrandProgramme(programme: BrandProgrammeView): BrandProgrammeForm {
  const brands = {} as Record<BrandKey, BrandForm>;
  for (const key of BRAND_KEYS) {
    const quota = programme.brands.find((brand) => brand.key === key);
    brands[key] = quota
      ? { enabled: true, perUnit: String(quota.perUnit), selectTotal: String(quota.selectTotal) }
      : { enabled: false, perUnit: String(BUREAU_QUOTAS[key].perUnit), selectTotal: String(BUREAU_QUOTAS[key].selectTotal) };
  }
  const days = {} as Record<BrandDeadline, string>;
  for (const deadline of DEADLINE_FIELDS) days[deadline] = pickedDay(programme[deadline]);
  return { title: programme.title, year: String(programme.year), description: programme.description, brands, days };
}

/** Field → message: `title`, `brands.classroom.perUnit`, `applyEndsAt`, `brands` for the list, `_form` above the button. */
export type { FormErrors };

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The first instant after a Shanghai calendar day. */
function endOfDay(date: string): string | null {
  const start = shanghaiToIsoUtc(date, '00:00');
  return start ? new Date(Date.parse(start) + 86_400_000).toISOString() : null;
}

/** The brands sent, in the order the draft lists them: the server names them by that index. */
export function sentBrands(form: BrandProgrammeForm): BrandKey[] {
  return BRAND_KEYS.filter((key) => form.brands[key].enabled);
}

/** The draft to send, or what to fix first; the server checks the same again and names what it refuses. */
export function buildBrandProgramme(form: BrandProgrammeForm): { draft: BrandProgrammeDraftInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (form.title.trim().length < 2) errors.title = '请填写方案名称';
  const year = wholeNumber(form.year);
  if (year === null || year < 2020 || year > 2100) errors.year = '请填写年份，如 2026';

  const keys = sentBrands(form);
  if (keys.length === 0) errors.brands = '至少选择一个品牌';
  const brands: BrandProgrammeDraftInput['brands'] = [];
  for (const key of keys) {
    const perUnit = wholeNumber(form.brands[key].perUnit);
    const selectTotal = wholeNumber(form.brands[key].selectTotal);
    if (perUnit === null || perUnit > 50) errors[`brands.${key}.perUnit`] = '请填写 0–50 的整数';
    if (selectTotal === null || selectTotal > 1000) errors[`brands.${key}.selectTotal`] = '请填写 0–1000 的整数';
    if (perUnit !== null && selectTotal !== null) brands.push({ key, perUnit, selectTotal });
  }

  const deadlines = {} as Record<BrandDeadline, string>;
  let previous: string | null = null;
  for (const field of DEADLINE_FIELDS) {
    const at = endOfDay(form.days[field]);
    if (!at) errors[field] = '请选择日期';
    else if (previous && at <= previous) errors[field] = '须晚于上一阶段的截止日期';
    else deadlines[field] = at;
    previous = at ?? previous;
  }

  if (Object.keys(errors).length > 0 || year === null) return { errors };
  return { draft: { title: form.title.trim(), year, description: form.description.trim(), brands, ...deadlines } };
}

/**
 * Where a server refusal goes: `programme.brands.1.perUnit` names the second brand sent, which the
 * form knows by key; `programme.reviewEndsAt` and `programme.title` map straight.
 */
export function errorField(field: string, sent: readonly BrandKey[]): string {
  const path = field.replace(/^programme\./, '').split('.');
  if (path[0] === 'brands') {
    const key = path[1] !== undefined && /^\d+$/.test(path[1]) ? sent[Number(path[1])] : undefined;
    return key && path[2] ? `brands.${key}.${path[2] === 'key' ? 'perUnit' : path[2]}` : 'brands';
  }
  return path[0] ?? '_form';
}
