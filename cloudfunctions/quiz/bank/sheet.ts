/**
 * The question-bank spreadsheet: one template the org admin downloads, fills in Excel or WPS and
 * sends back. Every row is checked on its own and reported by row number and column name.
 */
import ExcelJS from 'exceljs';
import type { ImportRowError } from '../../../types/contracts/quiz';
import { QUESTION_CATEGORIES, questionDraftSchema, type QuestionDraft, type QuestionType } from '../../../types/question';

const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const COLUMNS = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '分类', '难度', '出处'] as const;
type Column = (typeof COLUMNS)[number];

const TYPE_BY_LABEL: Record<string, QuestionType> = { 单选: 'single', 单选题: 'single', 多选: 'multiple', 多选题: 'multiple', 判断: 'judge', 判断题: 'judge' };
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
  ['单选', '中国共产党第一次全国代表大会在哪一年召开？', '1919年', '1921年', '1927年', '1949年', '', '', 'B', '中共一大于1921年7月召开，宣告了中国共产党的成立。', '建党', '1', '《中国共产党简史》'],
  ['判断', '遵义会议于1935年1月召开。', '', '', '', '', '', '', '正确', '遵义会议于1935年1月在贵州遵义召开。', '长征', '1', '《中国共产党简史》'],
];

export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题库');
  sheet.addRow([...COLUMNS]);
  EXAMPLE_ROWS.forEach((row) => sheet.addRow(row));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 || index === 9 ? 40 : 12;
  });
  const notes = workbook.addWorksheet('填写说明');
  [
    ['题型', '单选 / 多选 / 判断'],
    ['选项', '单选、多选填 2–6 个选项；判断题选项留空'],
    ['答案', '填选项字母，如 B 或 ACD；判断题填 正确 或 错误'],
    ['分类', QUESTION_CATEGORIES.join(' / ')],
    ['难度', '1 易 / 2 中 / 3 难'],
    ['解析、出处', '必填，交卷后展示给党员'],
  ].forEach((row) => notes.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ParsedRow {
  row: number;
  draft: QuestionDraft;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  return String(value).trim();
}

function toDraft(cells: Record<Column, string>): unknown {
  const type = TYPE_BY_LABEL[cells.题型];
  const options =
    type === 'judge' ? ['正确', '错误'] : OPTION_LETTERS.map((letter) => cells[`选项${letter}` as const]).filter((option) => option !== '');
  const answerText = cells.答案.toUpperCase().replace(/[\s,，、]/g, '');
  const answer =
    type === 'judge'
      ? [answerText === '正确' || answerText === '对' || answerText === 'A' ? 0 : answerText === '错误' || answerText === '错' || answerText === 'B' ? 1 : -1]
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

/** Reads the first sheet; a wrong header is one error on row 1 rather than a row-by-row cascade. */
export async function parseBankSheet(file: Buffer): Promise<{ rows: ParsedRow[]; errors: ImportRowError[]; total: number }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    return { rows: [], errors: [{ row: 0, field: '文件', message: '无法读取：请使用模板保存的 .xlsx 文件' }], total: 0 };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: [{ row: 0, field: '文件', message: '文件中没有工作表' }], total: 0 };
  const header = COLUMNS.map((_, index) => cellText(sheet.getRow(1).getCell(index + 1).value));
  const badHeader = COLUMNS.findIndex((column, index) => header[index] !== column);
  if (badHeader >= 0) {
    return { rows: [], errors: [{ row: 1, field: COLUMNS[badHeader] ?? '表头', message: '表头与模板不一致，请下载最新模板' }], total: 0 };
  }

  const rows: ParsedRow[] = [];
  const errors: ImportRowError[] = [];
  let total = 0;
  for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells = Object.fromEntries(COLUMNS.map((column, index) => [column, cellText(row.getCell(index + 1).value)])) as Record<Column, string>;
    if (Object.values(cells).every((text) => text === '')) continue;
    total += 1;
    if (total > MAX_IMPORT_ROWS) {
      errors.push({ row: rowNumber, field: '文件', message: `一次最多导入 ${MAX_IMPORT_ROWS} 题，请分批导入` });
      break;
    }
    const parsed = questionDraftSchema.safeParse(toDraft(cells));
    if (parsed.success) {
      rows.push({ row: rowNumber, draft: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = COLUMN_BY_FIELD[String(issue.path[0])] ?? '题干';
      errors.push({ row: rowNumber, field, message: issue.message });
    }
  }
  return { rows, errors, total };
}
