import * as z from 'zod';

export const QUESTION_CATEGORIES = [
  '建党',
  '土地革命',
  '长征',
  '抗日战争',
  '解放战争',
  '新中国',
  '改革开放',
  '新时代',
  '本地红色资源',
] as const;
export const questionCategorySchema = z.enum(QUESTION_CATEGORIES);
export type QuestionCategory = z.infer<typeof questionCategorySchema>;

export const QUESTION_TYPES = ['single', 'multiple', 'judge'] as const;
export const questionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof questionTypeSchema>;

/**
 * A bank question as an org admin authors it. `answer` holds option indexes;
 * a judge (true/false) question has the options ['正确', '错误'].
 */
export const questionDraftSchema = z
  .object({
    type: questionTypeSchema,
    stem: z.string().trim().min(4).max(300),
    options: z.array(z.string().trim().min(1).max(120)).min(2).max(6),
    answer: z.array(z.number().int().min(0)).min(1),
    explanation: z.string().trim().min(4).max(600),
    category: questionCategorySchema,
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    source: z.string().trim().min(1).max(120),
  })
  .superRefine((q, ctx) => {
    if (q.answer.some((i) => i >= q.options.length)) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '答案超出选项范围' });
    }
    if (new Set(q.answer).size !== q.answer.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '答案重复' });
    }
    if (q.type !== 'multiple' && q.answer.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '单选题和判断题只有一个答案' });
    }
    if (q.type === 'multiple' && q.answer.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '多选题至少两个答案' });
    }
    if (q.type === 'judge' && (q.options.length !== 2 || q.options[0] !== '正确' || q.options[1] !== '错误')) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: '判断题选项应为“正确”“错误”' });
    }
  });
export type QuestionDraft = z.infer<typeof questionDraftSchema>;

/** Two stems that differ only in spacing or punctuation are the same question. */
export function normaliseStem(stem: string): string {
  return stem
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
}
