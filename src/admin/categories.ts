import type { QuestionCategory, QuestionType } from '../../types/question';

/*
 * The bank's categories, copied as plain strings: importing QUESTION_CATEGORIES from types/question
 * would bring zod (~90 KB) into this subpackage. The check below fails to compile if they drift apart.
 */
export const CATEGORIES = [
  '建党',
  '土地革命',
  '长征',
  '抗日战争',
  '解放战争',
  '新中国',
  '改革开放',
  '新时代',
  '本地红色资源',
] as const satisfies readonly QuestionCategory[];

type MissingCategory = Exclude<QuestionCategory, (typeof CATEGORIES)[number]>;
const everyCategoryListed: [MissingCategory] extends [never] ? true : false = true;
void everyCategoryListed;

export const TYPE_LABELS: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };
export const DIFFICULTY_LABELS: Record<1 | 2 | 3, string> = { 1: '易', 2: '中', 3: '难' };
export const OPTION_LETTERS = 'ABCDEFGHIJ';

/** Mirrors MAX_IMPORT_BASE64 in types/contracts/quiz (not imported for the same zod reason). */
export const MAX_IMPORT_BASE64 = 90 * 1024;

/** Largest .xlsx whose base64 still fits the call: 4 base64 characters per 3 bytes. */
export const MAX_IMPORT_BYTES = Math.floor(MAX_IMPORT_BASE64 / 4) * 3;
