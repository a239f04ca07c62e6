/**
 * The question-bank spreadsheet: one template the org admin downloads, fills in Excel or WPS and
 * sends back. Every row is checked on its own and reported by row number and column name.
 */
import type { ImportRowError } from '../../../types/contracts/quiz';
import { QUESTION_CATEGORIES, questionDraftSchema, type QuestionDraft, type QuestionType } from '../../../types/question';
import { buildWorkbook, readSheet } from '../../../server/xlsx';

const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const COLUMNS = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '分类', '难度', '出处'] as const;
type Column = (typeof COLUMNS)[number];

const TYPE_BY_LABEL: Record<string, QuestionType> = {
  单选: 'single',
  单选题: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  判断: 'judge',
  判断题: 'judge',
};
const DIFFICULTY_BY_LABEL: Record<string, 1 | 2 | 3> = { '1': 1, '2': 2, '3': 3, 易: 1, 中: 2, 难: 3 };
/** Schema paths → the column an admin sees, so errors point at a cell they can find. */
const COLUMN_BY_FIELD: Record<string, Column> = {
  type: '题型',
  stem: '题干',
  options: '选项A',
  answer: '答案',
  explanation: '解析',
  category: '分类',
  difficulty: '难度',
  source: '出处',
};
export const MAX_IMPORT_ROWS = 2_000;

const EXAMPLE_ROWS: string[][] = [
  [
    '单选',
    '中国共产党第一次全国代表大会在哪一年召开？',
    '1919年',
    '1921年',
    '1927年',
    '1949年',
    '',
    '',
    'B',
    '中共一大于1921年7月召开，宣告了中国共产党的成立。',
    '建党',
    '1',
    '《中国共产党简史》',
  ],
  [
    '判断',
    '遵义会议于1935年1月召开。',
    '',
    '',
    '',
    '',
    '',
    '',
    '正确',
    '遵义会议于1935年1月在贵州遵义召开。',
    '长征',
    '1',
    '《中国共产党简史》',
  ],
];

export function buildTemplate(): Promise<Buffer> {
  return buildWorkbook([
    {
      name: '题库',
      rows: [[...COLUMNS], ...EXAMPLE_ROWS],
      header: true,
      widths: COLUMNS.map((_, index) => (index === 1 || index === 9 ? 40 : 12)),
    },
    {
      name: '填写说明',
      rows: [
        ['题型', '单选 / 多选 / 判断'],
        ['选项', '单选、多选填 2–6 个选项；判断题选项留空'],
        ['答案', '填选项字母，如 B 或 ACD；判断题填 正确 或 错误'],
        ['分类', QUESTION_CATEGORIES.join(' / ')],
        ['难度', '1 易 / 2 中 / 3 难'],
        ['解析、出处', '必填，交卷后展示给党员'],
      ],
    },
  ]);
}

export interface ParsedRow {
  row: number;
  draft: QuestionDraft;
}

function toDraft(cells: Record<Column, string>): unknown {
  const type = TYPE_BY_LABEL[cells.题型];
  const options =
    type === 'judge' ? ['正确', '错误'] : OPTION_LETTERS.map((letter) => cells[`选项${letter}` as const]).filter((option) => option !== '');
  const answerText = cells.答案.toUpperCase().replace(/[\s,，、]/g, '');
  const answer =
    type === 'judge'
      ? [
          answerText === '正确' || answerText === '对' || answerText === 'A'
            ? 0
            : answerText === '错误' || answerText === '错' || answerText === 'B'
              ? 1
              : -1,
        ]
      : [...answerText].map((letter) => OPTION_LETTERS.indexOf(letter as (typeof OPTION_LETTERS)[number]));
  return {
    type: type ?? cells.题型,
    stem: cells.题干,
    options,
    answer: answer.length === 0 ? [] : answer.map((index) => (index < 0 ? 99 : index)),
    explanation: cells.解析,
    category: cells.分类,
    difficulty: DIFFICULTY_BY_LABEL[cells.难度] ?? cells.难度,
    source: cells.出处,
  };
}

/** Reads the first sheet (header, blank rows and the row cap are the shared reader's); each row is checked on its own. */
export async function parseBankSheet(file: Buffer): Promise<{ rows: ParsedRow[]; errors: ImportRowError[]; total: number }> {
  const sheet = await readSheet(file, COLUMNS, { maxRows: MAX_IMPORT_ROWS, tooManyRows: `一次最多导入 ${MAX_IMPORT_ROWS} 题，请分批导入` });
  const rows: ParsedRow[] = [];
  const errors: ImportRowError[] = [];
  for (const { row, cells } of sheet.rows) {
    const parsed = questionDraftSchema.safeParse(toDraft(cells));
    if (parsed.success) {
      rows.push({ row, draft: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = COLUMN_BY_FIELD[String(issue.path[0])] ?? '题干';
      errors.push({ row, field, message: issue.message });
    }
  }
  return { rows, errors: [...errors, ...sheet.errors], total: sheet.total };
}
