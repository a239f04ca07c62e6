/**
 * Our own .xlsx writer for every export (台账, attendees, quiz results, import templates): the
 * smallest OOXML package Excel and WPS open, built as strings and zipped with Node's zlib. The 台账
 * of 300,000 members must be written in well under the export's budget (ARCHITECTURE.md
 * "Statistics" → 台账), and exceljs's streaming writer spends ≈10 µs a cell on objects, events and
 * its own zip; here a cell is a few string concatenations, with everything per column (its letters,
 * its style attribute) worked out once per sheet.
 *
 * What is written: strings in their cells (inline, no shared-strings table to build), numbers as
 * numbers, one cell style per distinct (bold, number format) pair, widths and formats per column.
 * Reading spreadsheets stays with exceljs (`server/xlsx.ts`).
 */
import { crc32, deflateRaw } from 'node:zlib';
import type { SheetSource, SheetSpec } from './xlsx';

/**
 * Level 1 by measurement on the 300,000-member 台账 (187 MB of XML): ≈0.41 s of CPU for 27.4 MB,
 * against ≈1.5 s for 22.0 MB at level 6 and ≈0.43 s for 26.2 MB at level 2; speed matters more
 * than size here, as the file is downloaded once and deleted after a day.
 */
const DEFLATE_LEVEL = 1;
/** Parts handed to the thread pool and not yet compressed; libuv's pool has four threads by default. */
const MAX_IN_FLIGHT = 4;
/** Bytes of a sheet's XML gathered before the next block is started. */
const SINK_BLOCK = 1 << 20;
/** Excel's documented limit on a cell's text; cut here rather than leave a longer one to each reader. */
const MAX_CELL_TEXT = 32767;
/** A text's opening tag: xml:space="preserve" only where white space at an end would otherwise be dropped (it costs 21 bytes a cell). */
const PLAIN = '<t>';
const PRESERVED = '<t xml:space="preserve">';

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_BASE = 'application/vnd.openxmlformats-officedocument';

/**
 * Characters XML 1.0 refuses (C0 controls other than tab, newline and carriage return; U+FFFE and
 * U+FFFF; a surrogate not in a pair) and the ones markup gives meaning to. Carriage return is written
 * as a reference because a parser turns a literal one into a newline.
 */
const XML_UNSAFE =
  // eslint-disable-next-line no-control-regex -- finding the control characters XML refuses is the point
  /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * A plain character class over everything XML_UNSAFE can match (and paired surrogates too): almost no
 * cell matches it, and testing it costs a fraction of running the replacement with its lookarounds.
 */
// eslint-disable-next-line no-control-regex -- as above
const MAYBE_UNSAFE = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

function escapeMatch(match: string): string {
  return XML_ENTITIES[match] ?? '';
}

/** Text as XML character data or a double-quoted attribute value: markup escaped, illegal characters dropped. */
export function escapeXml(text: string): string {
  return MAYBE_UNSAFE.test(text) ? text.replace(XML_UNSAFE, escapeMatch) : text;
}

/** Whether a text's first or last character is white space, which Excel keeps only under xml:space="preserve". */
function needsPreserve(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || last <= 32;
}

/** Column letters by 0-based index (A, B, … Z, AA, …), grown as wider sheets ask for more. */
const columnLetters: string[] = [];
export function columnName(index: number): string {
  for (let next = columnLetters.length; next <= index; next += 1) {
    let name = '';
    for (let rest = next + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
    columnLetters.push(name);
  }
  return columnLetters[index]!;
}

/** Excel's built-in number formats that a sheet may ask for by their code; any other gets an id from 164. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};
const FIRST_CUSTOM_FORMAT = 164;

/** The workbook's cell styles: index 0 is the default; one more per distinct (bold, format) pair. */
class Styles {
  private readonly formatIds = new Map<string, number>();
  private readonly customFormats: string[] = [];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>([['0|0', 0]]);

  /** The cellXfs index of a style; 0 when it is the default. */
  index(bold: boolean, format: string | undefined): number {
    const formatId = format === undefined ? 0 : this.formatId(format);
    const key = `${bold ? 1 : 0}|${formatId}`;
    let index = this.xfIndex.get(key);
    if (index === undefined) {
      index = this.xfs.length;
      this.xfs.push(
        `<xf numFmtId="${formatId}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
          `${formatId === 0 ? '' : ' applyNumberFormat="1"'}${bold ? ' applyFont="1"' : ''}/>`,
      );
      this.xfIndex.set(key, index);
    }
    return index;
  }

  private formatId(format: string): number {
    const builtIn = BUILT_IN_FORMATS[format];
    if (builtIn !== undefined) return builtIn;
    let id = this.formatIds.get(format);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.customFormats.length;
      this.customFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`);
      this.formatIds.set(format, id);
    }
    return id;
  }

  xml(): string {
    const font = (bold: boolean) =>
      `<font>${bold ? '<b/>' : ''}<sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>`;
    return (
      `${XML_HEADER}<styleSheet xmlns="${NS_MAIN}">` +
      (this.customFormats.length === 0 ? '' : `<numFmts count="${this.customFormats.length}">${this.customFormats.join('')}</numFmts>`) +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      // Excel expects the first two fills to be these two, whatever the cells use.
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

/**
 * One worksheet's XML as UTF-8 bytes. Everything about a column (its reference prefix and the
 * attributes closing a text or a number cell, header and body apart) is a string made once, so a cell
 * costs a handful of concatenations: no object per cell, and the row number is formatted once per row.
 */
function sheetXml(spec: SheetSpec, styles: Styles): Buffer {
  const rows = spec.rows;
  let columnCount = 0;
  for (const row of rows) if (row.length > columnCount) columnCount = row.length;

  const formats = new Map<number, string>();
  for (const index of spec.textColumns ?? []) formats.set(index, '@');
  for (const [index, format] of Object.entries(spec.numberFormats ?? {})) formats.set(Number(index), format);
  const widths = spec.widths ?? [];

  // <cols>: a width where one is given; a format on the column too, so a cell typed later in Excel
  // (a template's empty rows) takes it — `@` keeps a phone tail's leading zero.
  let cols = '';
  const describedColumns = Math.max(widths.length, ...[...formats.keys()].map((index) => index + 1));
  for (let index = 0; index < describedColumns; index += 1) {
    const width = widths[index];
    const format = formats.get(index);
    const hasWidth = typeof width === 'number' && Number.isFinite(width) && width > 0;
    if (!hasWidth && format === undefined) continue;
    // A <col> without a width is shown by some readers as hidden, so a formatted column keeps Excel's default one.
    cols +=
      `<col min="${index + 1}" max="${index + 1}" width="${hasWidth ? width : 9.140625}"` +
      `${format === undefined ? '' : ` style="${styles.index(false, format)}"`}${hasWidth ? ' customWidth="1"' : ''}/>`;
  }

  const open: string[] = [];
  const textTail: string[] = [];
  const numberTail: string[] = [];
  const headerTextTail: string[] = [];
  const headerNumberTail: string[] = [];
  for (let index = 0; index < columnCount; index += 1) {
    open.push(`<c r="${columnName(index)}`);
    const format = formats.get(index);
    const body = styles.index(false, format);
    const bodyStyle = body === 0 ? '"' : `" s="${body}"`;
    textTail.push(`${bodyStyle} t="inlineStr"><is>`);
    numberTail.push(`${bodyStyle}><v>`);
    const header = spec.header ? styles.index(true, format) : body;
    const headerStyle = header === 0 ? '"' : `" s="${header}"`;
    headerTextTail.push(`${headerStyle} t="inlineStr"><is>`);
    headerNumberTail.push(`${headerStyle}><v>`);
  }

  const lastCell = rows.length === 0 || columnCount === 0 ? 'A1' : `${columnName(columnCount - 1)}${rows.length}`;
  // About 48 bytes a cell: its reference and tags, and a short text or number.
  const sink = new ByteSink(rows.length * columnCount * 48 + cols.length + 1024);
  sink.write(
    `${XML_HEADER}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="A1${lastCell === 'A1' ? '' : `:${lastCell}`}"/>` +
      `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      `${cols === '' ? '' : `<cols>${cols}</cols>`}<sheetData>`,
  );
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex += 1) {
    const row = rows[rowIndex]!;
    if (row.length === 0) continue;
    const r = String(rowIndex + 1);
    const header = rowIndex === 0 && spec.header === true;
    const texts = header ? headerTextTail : textTail;
    const numbers = header ? headerNumberTail : numberTail;
    let line = `<row r="${r}">`;
    for (let index = 0; index < row.length; index += 1) {
      let value: unknown = row[index];
      if (typeof value === 'number') {
        if (Number.isFinite(value)) line += `${open[index]}${r}${numbers[index]}${value}</v></c>`;
        continue;
      }
      if (value === null || value === undefined) continue;
      // Outside SheetCell's type, but a JavaScript caller may pass one: written as its text.
      if (typeof value !== 'string') value = String(value);
      let text = value as string;
      // An empty string is written as no cell: Excel shows them alike, and COUNTA then counts only filled cells.
      if (text === '') continue;
      if (text.length > MAX_CELL_TEXT) text = text.slice(0, MAX_CELL_TEXT);
      line += `${open[index]}${r}${texts[index]}${needsPreserve(text) ? PRESERVED : PLAIN}${escapeXml(text)}</t></is></c>`;
    }
    sink.write(`${line}</row>`);
  }
  sink.write('</sheetData></worksheet>');
  return sink.bytes();
}

/**
 * UTF-8 bytes written a row at a time into blocks of up to 1 MB: no string the size of a sheet is
 * ever built (joining the rows and then encoding the whole was ≈10% slower on the 台账), and a sheet
 * of up to about 1,500 ledger rows is one block handed to deflate as it is. The first block is sized
 * from the sheet, so a workbook of many small sheets does not take 1 MB for each.
 */
class ByteSink {
  private readonly blocks: Buffer[] = [];
  private block: Buffer;
  private used = 0;

  constructor(expectedBytes: number) {
    this.block = Buffer.allocUnsafe(Math.min(SINK_BLOCK, Math.max(16 * 1024, expectedBytes)));
  }

  write(text: string): void {
    // A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, two units, is 4).
    if (this.used + text.length * 3 > this.block.length) {
      this.blocks.push(this.block.subarray(0, this.used));
      this.block = Buffer.allocUnsafe(Math.max(SINK_BLOCK, text.length * 3));
      this.used = 0;
    }
    this.used += this.block.write(text, this.used);
  }

  bytes(): Buffer {
    this.blocks.push(this.block.subarray(0, this.used));
    const blocks = this.blocks.filter((block) => block.length > 0);
    return blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks);
  }
}

interface ZipEntry {
  name: Buffer;
  crc: number;
  size: number;
  /** The deflated bytes, from the thread pool. */
  compressed: Promise<Buffer>;
}

/** Date and time in MS-DOS form, as a zip entry carries them (local time, two-second steps). */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

function deflate(data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    deflateRaw(data, { level: DEFLATE_LEVEL }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * A zip built in memory. Each part is deflated whole on libuv's thread pool while the next sheet's
 * XML is built on the main thread: on two cores that hides most of the compression (measured on the
 * 300,000-member 台账: ≈0.4 s of deflate next to ≈0.8 s of XML). At most MAX_IN_FLIGHT parts wait
 * for compression, so a slow pool holds back the builder rather than the raw XML piling up. Sizes
 * and CRC are known before a part's local header is written, so no data descriptors; names are
 * flagged UTF-8 (bit 11). No ZIP64: past 4 GB the writer throws rather than write a damaged file (a
 * 台账 is tens of MB).
 */
class ZipWriter {
  private readonly entries: ZipEntry[] = [];
  private readonly stamp: { time: number; date: number };

  constructor(now: Date) {
    this.stamp = dosDateTime(now);
  }

  /** Queues a part; resolves once few enough parts are still being compressed to take another. */
  async add(path: string, data: Buffer): Promise<void> {
    if (data.length > 0xffffffff) throw new Error(`xlsx part ${path} is past the 4 GB a zip without ZIP64 can hold`);
    const compressed = deflate(data);
    // Awaited in finish(); marked handled now so a failure waiting there is not reported as unhandled first.
    compressed.catch(() => undefined);
    this.entries.push({ name: Buffer.from(path, 'utf8'), crc: crc32(data), size: data.length, compressed });
    const waiting = this.entries.length - MAX_IN_FLIGHT;
    if (waiting >= 0) await this.entries[waiting]!.compressed;
  }

  /** Version needed, flags, method, time, date, CRC, sizes: the run local and central headers share. */
  private writeCommon(buffer: Buffer, at: number, entry: ZipEntry, compressedSize: number): void {
    buffer.writeUInt16LE(20, at);
    buffer.writeUInt16LE(0x0800, at + 2);
    buffer.writeUInt16LE(8, at + 4);
    buffer.writeUInt16LE(this.stamp.time, at + 6);
    buffer.writeUInt16LE(this.stamp.date, at + 8);
    buffer.writeUInt32LE(entry.crc >>> 0, at + 10);
    buffer.writeUInt32LE(compressedSize, at + 14);
    buffer.writeUInt32LE(entry.size, at + 18);
  }

  async finish(): Promise<Buffer> {
    const compressed = await Promise.all(this.entries.map((entry) => entry.compressed));
    const parts: Buffer[] = [];
    const offsets: number[] = [];
    let offset = 0;
    this.entries.forEach((entry, index) => {
      const data = compressed[index]!;
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      this.writeCommon(header, 4, entry, data.length);
      header.writeUInt16LE(entry.name.length, 26);
      parts.push(header, entry.name, data);
      offsets.push(offset);
      offset += header.length + entry.name.length + data.length;
    });
    const directoryStart = offset;
    this.entries.forEach((entry, index) => {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      this.writeCommon(header, 6, entry, compressed[index]!.length);
      header.writeUInt16LE(entry.name.length, 28);
      // Extra field, comment, disk number, internal and external attributes: all zero.
      header.writeUInt32LE(offsets[index]!, 42);
      parts.push(header, entry.name);
      offset += header.length + entry.name.length;
    });
    if (this.entries.length > 0xffff || offset > 0xffffffff)
      throw new Error('xlsx has more parts or bytes than a zip without ZIP64 can hold');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(offset - directoryStart, 12);
    end.writeUInt32LE(directoryStart, 16);
    parts.push(end);
    return Buffer.concat(parts);
  }
}

/** The workbook as .xlsx bytes; sheet names must already be valid and unique (Excel's rules: ≤ 31 characters, none of []:*?/\). */
export async function writeXlsx(sheets: readonly SheetSource[], now: Date = new Date()): Promise<Buffer> {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const styles = new Styles();
  const zip = new ZipWriter(now);
  const sheetParts = sheets.map((_, index) => `sheet${index + 1}.xml`);

  await zip.add(
    '[Content_Types].xml',
    Buffer.from(
      `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT_BASE}.spreadsheetml.sheet.main+xml"/>` +
        sheetParts
          .map((part) => `<Override PartName="/xl/worksheets/${part}" ContentType="${CT_BASE}.spreadsheetml.worksheet+xml"/>`)
          .join('') +
        `<Override PartName="/xl/styles.xml" ContentType="${CT_BASE}.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        `<Override PartName="/docProps/app.xml" ContentType="${CT_BASE}.extended-properties+xml"/>` +
        '</Types>',
    ),
  );
  await zip.add(
    '_rels/.rels',
    Buffer.from(
      `${XML_HEADER}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    ),
  );
  const created = `${now.toISOString().slice(0, 19)}Z`;
  await zip.add(
    'docProps/core.xml',
    Buffer.from(
      `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
        '</cp:coreProperties>',
    ),
  );
  await zip.add(
    'docProps/app.xml',
    Buffer.from(
      `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
        '<Application>Microsoft Excel</Application></Properties>',
    ),
  );
  await zip.add(
    'xl/workbook.xml',
    Buffer.from(
      `${XML_HEADER}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
        sheets.map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
  );
  await zip.add(
    'xl/_rels/workbook.xml.rels',
    Buffer.from(
      `${XML_HEADER}<Relationships xmlns="${NS_PKG_REL}">` +
        sheetParts
          .map((part, index) => `<Relationship Id="rId${index + 1}" Type="${NS_REL}/worksheet" Target="worksheets/${part}"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ),
  );
  for (const [index, sheet] of sheets.entries()) {
    const spec: SheetSpec = typeof sheet.rows === 'function' ? { ...sheet, rows: await sheet.rows() } : (sheet as SheetSpec);
    await zip.add(`xl/worksheets/${sheetParts[index]!}`, sheetXml(spec, styles));
  }
  // Last, once every sheet has registered the styles it uses.
  await zip.add('xl/styles.xml', Buffer.from(styles.xml()));
  return zip.finish();
}
