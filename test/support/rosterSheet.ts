/** 花名册 workbooks for the roster tests: the template's columns, seed branch names, any size. */
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '../../types/contracts/roster';

export async function rosterXlsx(rows: string[][], header: string[] = [...ROSTER_COLUMNS]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(header);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...new Set('建国明华丽娟军平秀英志强海燕玉兰红梅晓东文杰春生秋菊冬梅金凤')];
/** Every branch of the demo seed, by name. */
export const ROSTER_BRANCHES = ['第一党支部', '第二党支部', '第三党支部', '机关第一党支部', '离退休党支部'];
const STATUSES = ['正式党员', '预备党员', '入党积极分子'];

/** `count` distinct people spread over the seed's five branches; every other one has a phone tail. */
export function bigRoster(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [
    `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length]}`,
    ROSTER_BRANCHES[i % ROSTER_BRANCHES.length]!,
    STATUSES[i % STATUSES.length]!,
    i % 2 === 0 ? String(i % 10_000).padStart(4, '0') : '',
  ]);
}
