/**
 * Our .xlsx writer (server/xlsxWriter.ts, behind buildWorkbook): every workbook is read back with
 * exceljs, as the importers and the export tests read them, and its zip is checked part by part.
 * exceljs does not check CRCs on load (jszip skips them by default), so the zip reader below does.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { buildWorkbook, type SheetSpec } from '../../server/xlsx';
import { columnName, escapeXml, writeXlsx } from '../../server/xlsxWriter';

async function open(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  return workbook;
}

interface ZipPart {
  name: string;
  data: Buffer;
}

/**
 * Reads a zip through its central directory, as Excel does, and checks what a strict reader checks:
 * signatures, that local and central headers agree, sizes, and each part's CRC-32 over its inflated bytes.
 */
function readZip(file: Buffer): ZipPart[] {
  const end = file.length - 22;
  expect(file.readUInt32LE(end)).toBe(0x06054b50);
  const count = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  const parts: ZipPart[] = [];
  for (let index = 0; index < count; index += 1) {
    if (file.readUInt32LE(at) !== 0x02014b50) throw new Error(`central header ${index} has no signature`);
    const flags = file.readUInt16LE(at + 8);
    const crc = file.readUInt32LE(at + 16);
    const compressedSize = file.readUInt32LE(at + 20);
    const size = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const skip = file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    const name = file.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if ((flags & 0x0800) === 0) throw new Error(`${name} is not flagged UTF-8`);
    if (file.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name} has no local header`);
    if (file.readUInt32LE(local + 14) !== crc) throw new Error(`${name}: local and central CRC differ`);
    if (file.readUInt32LE(local + 18) !== compressedSize || file.readUInt32LE(local + 22) !== size)
      throw new Error(`${name}: sizes differ`);
    const dataStart = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = inflateRawSync(file.subarray(dataStart, dataStart + compressedSize));
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, header says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    parts.push({ name, data });
    at += 46 + nameLength + skip;
  }
  return parts;
}

const TEXTS = {
  chinese: '中国共产党第一次全国代表大会',
  emoji: '学习强国🇨🇳👍🏽 打卡',
  markup: '<b>R&D</b> "quoted" \'single\' ]]> &amp;',
  spaces: '  首尾空格  ',
  lines: '第一行\n第二行\t制表\r\n第三行',
};

const SPEC: SheetSpec = {
  name: '台账 R&D "<一支部>"',
  rows: [
    ['姓名', '说明', '完成率', '手机后四位', '学时'],
    [TEXTS.chinese, TEXTS.emoji, 0.875, '0123', 12.5],
    [TEXTS.markup, TEXTS.spaces, 1, '0007', -3],
    [TEXTS.lines, 'a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uD800h\uDC00i', 0, '9999', 0.1 + 0.2],
    ['空与非有限', null, Number.NaN, null, Number.POSITIVE_INFINITY],
    [],
    ['大数', 1234567890123, 1e-7, '', -0],
  ],
  header: true,
  widths: [12, 28.5, 10],
  textColumns: [3],
  numberFormats: { 2: '0.0%', 4: '0.00' },
};

describe('xlsx writer', () => {
  it('exceljs 读回的单元格与写入一致：中文、emoji、XML 特殊字符、首尾空格与换行原样保留，非法控制字符被去掉', async () => {
    const sheet = (await open(await buildWorkbook([SPEC]))).getWorksheet(SPEC.name)!;
    const value = (ref: string) => sheet.getCell(ref).value;
    expect([value('A2'), value('B2'), value('A3'), value('B3'), value('A4')]).toEqual([
      TEXTS.chinese,
      TEXTS.emoji,
      TEXTS.markup,
      TEXTS.spaces,
      TEXTS.lines,
    ]);
    expect(value('B4')).toBe('abcdefghi');
    expect([value('C2'), value('E2'), value('C3'), value('E3'), value('E4')]).toEqual([0.875, 12.5, 1, -3, 0.1 + 0.2]);
    expect([value('B7'), value('C7'), value('E7')]).toEqual([1234567890123, 1e-7, 0]);
  });

  it('null、空字符串、NaN 与 Infinity 写成空单元格，空行留空且不挪动后面的行', async () => {
    const sheet = (await open(await buildWorkbook([SPEC]))).getWorksheet(SPEC.name)!;
    expect(['B5', 'C5', 'D5', 'E5', 'D7'].map((ref) => sheet.getCell(ref).value)).toEqual([null, null, null, null, null]);
    expect(sheet.getRow(6).cellCount).toBe(0);
    expect(sheet.getCell('A7').value).toBe('大数');
    expect(sheet.rowCount).toBe(7);
  });

  it('文本列的前导零仍是文本、格式为 @（列本身也是，模板里后填的格子同样保持文本）', async () => {
    const sheet = (await open(await buildWorkbook([SPEC]))).getWorksheet(SPEC.name)!;
    expect(['D2', 'D3', 'D4'].map((ref) => sheet.getCell(ref).value)).toEqual(['0123', '0007', '9999']);
    expect(sheet.getCell('D2').numFmt).toBe('@');
    expect(sheet.getColumn(4).numFmt).toBe('@');
  });

  it('表头加粗且保留该列的数字格式，数据行不加粗；数字格式与列宽按列读回', async () => {
    const sheet = (await open(await buildWorkbook([SPEC]))).getWorksheet(SPEC.name)!;
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((ref) => sheet.getCell(ref).font?.bold)).toEqual([true, true, true, true, true]);
    expect(sheet.getCell('C1').numFmt).toBe('0.0%');
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect([sheet.getCell('C2').numFmt, sheet.getCell('E4').numFmt, sheet.getColumn(3).numFmt]).toEqual(['0.0%', '0.00', '0.0%']);
    expect(sheet.getCell('A2').numFmt).toBeUndefined();
    expect([1, 2, 3].map((column) => sheet.getColumn(column).width)).toEqual([12, 28.5, 10]);
  });

  it('没有表头的表第一行不加粗；同一 (加粗, 格式) 组合只占一个样式', async () => {
    const file = await writeXlsx([
      { name: 'a', rows: [['标题', 0.5]], numberFormats: { 1: '0.0%' } },
      { name: 'b', rows: [['标题', 0.25]], numberFormats: { 1: '0.0%' }, header: true },
    ]);
    const workbook = await open(file);
    expect(workbook.getWorksheet('a')!.getCell('A1').font?.bold).toBeFalsy();
    expect(workbook.getWorksheet('b')!.getCell('B1').font?.bold).toBe(true);
    const styles = readZip(file)
      .find((part) => part.name === 'xl/styles.xml')!
      .data.toString('utf8');
    // Default, 0.0%, bold, bold 0.0%.
    expect(styles).toContain('<cellXfs count="4">');
    expect(styles.match(/formatCode="0\.0%"/g)).toHaveLength(1);
  });

  it('空表（无行、只有空行）也能打开', async () => {
    const workbook = await open(
      await buildWorkbook([
        { name: '空表', rows: [] },
        { name: '空行', rows: [[], []], header: true, widths: [20] },
        { name: '有数据', rows: [['x']] },
      ]),
    );
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.actualRowCount])).toEqual([
      ['空表', 0],
      ['空行', 0],
      ['有数据', 1],
    ]);
    expect(workbook.getWorksheet('空行')!.getColumn(1).width).toBe(20);
  });

  it('1,000 张表按顺序读回，表名各不相同', async () => {
    const names = Array.from({ length: 1000 }, (_, index) => `第${index + 1}党支部`);
    const workbook = await open(await buildWorkbook(names.map((name, index) => ({ name, rows: [['序号'], [index + 1]], header: true }))));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names);
    expect(new Set(workbook.worksheets.map((sheet) => sheet.name)).size).toBe(1000);
    expect(workbook.getWorksheet('第1000党支部')!.getCell('A2').value).toBe(1000);
  });

  it('压缩包里每个部件的 CRC、大小与 UTF-8 文件名标记都对，部件齐全', async () => {
    const parts = readZip(await buildWorkbook([SPEC, { name: '第二张', rows: [['x']] }]));
    expect(parts.map((part) => part.name).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ].sort(),
    );
    const workbookXml = parts.find((part) => part.name === 'xl/workbook.xml')!.data.toString('utf8');
    expect(workbookXml).toContain('name="台账 R&amp;D &quot;&lt;一支部&gt;&quot;"');
  });

  it('改坏一个 CRC 会被校验发现', async () => {
    const file = await buildWorkbook([SPEC]);
    expect(() => readZip(file)).not.toThrow();
    const corrupt = Buffer.from(file);
    // The first local header's CRC (offset 14) and its central copy, so only the data check can tell.
    const central = corrupt.readUInt32LE(corrupt.length - 22 + 16);
    corrupt.writeUInt32LE((corrupt.readUInt32LE(14) ^ 1) >>> 0, 14);
    corrupt.writeUInt32LE(corrupt.readUInt32LE(14), central + 16);
    expect(() => readZip(corrupt)).toThrow('CRC mismatch');
  });

  it('几 MB 的大表（跨多个写入块）逐行读回，首尾行与行数都对', async () => {
    const rows = Array.from({ length: 30000 }, (_, index) => [
      `党员${index + 1}`,
      '观看红色电影《长津湖》（2026-11-23）',
      index,
      index / 4,
    ]);
    const file = await buildWorkbook([{ name: '大表', rows: [['姓名', '证据', '序号', '学时'], ...rows], header: true }]);
    const xml = readZip(file).find((part) => part.name === 'xl/worksheets/sheet1.xml')!.data;
    expect(xml.length).toBeGreaterThan(2 * 1024 * 1024);
    const sheet = (await open(file)).worksheets[0]!;
    expect(sheet.rowCount).toBe(30001);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['党员1', '观看红色电影《长津湖》（2026-11-23）', 0, 0]);
    expect((sheet.getRow(30001).values as unknown[]).slice(1)).toEqual([
      '党员30000',
      '观看红色电影《长津湖》（2026-11-23）',
      29999,
      7499.75,
    ]);
  });

  it('超过 Excel 单元格上限 32767 字的文本被截断', async () => {
    const sheet = (await open(await buildWorkbook([{ name: '长文', rows: [['字'.repeat(40000)]] }]))).worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toHaveLength(32767);
  });

  it('没有表的工作簿被拒绝（Excel 打不开）', async () => {
    await expect(buildWorkbook([])).rejects.toThrow('at least one sheet');
  });

  it('列字母：A…Z、AA、AZ、BA、ZZ、AAA、XFD', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('XML 转义：标记字符转为实体，回车写成字符引用，成对代理保留、落单代理去掉', () => {
    expect(escapeXml('a<b>&"c"\r\n')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#13;\n');
    expect(escapeXml('👍\uD83D\u0001x\uDC4D')).toBe('👍x');
    expect(escapeXml('普通文字')).toBe('普通文字');
  });
});
