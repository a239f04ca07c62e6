/**
 * 题库 import at its largest: the template from `quiz.bankTemplate`, filled with as many questions
 * as fit the inline payload cap (at most the size asked for), then `quiz.importBank` validate and
 * import. Every sample's file has stems of its own, so each import adds the whole sheet.
 */
import ExcelJS from 'exceljs';
import { seedStore } from '../../../emulator/seed';
import { MAX_IMPORT_BASE64 } from '../../../types/common';
import { createBenchEnv, slowSamples, type BenchEnv } from '../env';
import type { BenchOptions, Sample, Scenario, ScenarioRun } from '../types';

const ADMIN = 'demo-admin';

function rowText(sheet: ExcelJS.Worksheet, row: number): string[] {
  return (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1).map((value) => String(value ?? ''));
}

/** A sheet with the template's header and `rows` copies of its first example, each with a stem of its own. */
async function filledTemplate(template: Buffer, rows: number, stemPrefix: string): Promise<string> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(template as unknown as ExcelJS.Buffer);
  const [header, example] = [rowText(source.worksheets[0]!, 1), rowText(source.worksheets[0]!, 2)];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(source.worksheets[0]!.name);
  sheet.addRow(header);
  for (let index = 0; index < rows; index += 1) {
    sheet.addRow([example[0], `${stemPrefix}${String(index).padStart(4, '0')}：${example[1]}`, ...example.slice(2)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** The most rows (≤ `most`) whose file still fits the inline cap, by bisection. */
async function largestInline(template: Buffer, most: number): Promise<number> {
  let fits = 1;
  let tooBig = most + 1;
  while (tooBig - fits > 1) {
    const middle = Math.floor((fits + tooBig) / 2);
    if ((await filledTemplate(template, middle, '基准题S0-')).length <= MAX_IMPORT_BASE64) fits = middle;
    else tooBig = middle;
  }
  return fits;
}

async function templateOf(env: BenchEnv): Promise<Buffer> {
  const { data } = await env.call(ADMIN, 'quiz', 'bankTemplate', {});
  return Buffer.from(data.templateBase64, 'base64');
}

async function run(most: number, options: BenchOptions): Promise<ScenarioRun> {
  const env = createBenchEnv();
  seedStore(env.store, new Date());
  const setupStarted = performance.now();
  const template = await templateOf(env);
  const rows = await largestInline(template, most);
  const samples = slowSamples(options);
  // Prefixes of one length, so every file is the size that was found to fit.
  const files = await Promise.all(Array.from({ length: samples }, (_, sample) => filledTemplate(template, rows, `基准题S${sample}-`)));
  const setupMs = performance.now() - setupStarted;
  options.log(`  bank: ${rows} questions fit the ${MAX_IMPORT_BASE64 / 1024} KB inline cap`);

  const validate: Sample[] = [];
  const imported: Sample[] = [];
  for (const fileBase64 of files) {
    const checked = await env.call(ADMIN, 'quiz', 'importBank', { mode: 'validate', fileBase64 });
    if (checked.data.errors.length > 0) throw new Error(`quiz.importBank validate: ${JSON.stringify(checked.data.errors.slice(0, 3))}`);
    validate.push(checked);
    const written = await env.call(ADMIN, 'quiz', 'importBank', { mode: 'import', fileBase64 });
    if (written.data.imported !== rows) throw new Error(`quiz.importBank import: ${written.data.imported} of ${rows} imported`);
    imported.push(written);
  }
  env.store.close();
  return {
    size: rows,
    unit: 'questions',
    setupMs,
    cases: [
      { action: 'quiz.importBank', label: 'validate', real: validate },
      { action: 'quiz.importBank', label: 'import, all new', real: imported },
    ],
  };
}

/** 2,000 is the most one import accepts; the inline cap usually binds first. */
export const bankScenario: Scenario = { name: 'bank', fixedSizes: [2_000], run };
