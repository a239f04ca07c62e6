/**
 * The 花名册 spreadsheet: the template an org admin fills in and the row checks. Pure: it gets the
 * org tree from the caller and never touches the database.
 */
import { createHash } from 'node:crypto';
import { personNameSchema } from '../../../types/contracts/member';
import { ROSTER_COLUMNS, type RosterColumn } from '../../../types/contracts/roster';
import { PARTY_STATUS_LABELS, PARTY_STATUSES, ORG_KIND_LABELS, type PartyStatus } from '../../../types/labels';
import type { OrgDoc } from '../../../server/documents';
import { buildWorkbook, readSheet, type ImportRowError } from '../../../server/xlsx';

export const MAX_ROSTER_ROWS = 10_000;

const STATUS_BY_LABEL = new Map<string, PartyStatus>(PARTY_STATUSES.map((status) => [PARTY_STATUS_LABELS[status], status]));

/**
 * The form a name is stored and matched in, so "欧阳 娜娜" typed with two spaces or a Japanese
 * middle dot on the phone still finds the roster's "欧阳 娜娜" / "阿依·古丽".
 */
export function rosterName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').replace(/・/g, '·');
}

/**
 * One entry per person per branch: the id is derived from branch, name and phone tail, so importing
 * the same person again lands on the same document (refreshed, not duplicated).
 */
export function rosterEntryId(branchId: string, name: string, phoneTail: string | null): string {
  const digest = createHash('sha256')
    .update(`${branchId}\u0000${name}\u0000${phoneTail ?? ''}`)
    .digest('hex');
  return `roster_${digest.slice(0, 40)}`;
}

export interface RosterRow {
  row: number;
  branchId: string;
  name: string;
  partyStatus: PartyStatus;
  phoneTail: string | null;
}

export function buildRosterTemplate(orgs: OrgDoc[]): Promise<Buffer> {
  const branches = orgs.filter((org) => org.kind === 'branch');
  const examples =
    branches.length === 0
      ? []
      : [
          ['张红', branches[0]!.name, PARTY_STATUS_LABELS.full, '1234'],
          ['李卫国', branches[Math.min(1, branches.length - 1)]!.name, PARTY_STATUS_LABELS.activist, ''],
        ];
  return buildWorkbook([
    { name: '花名册', rows: [[...ROSTER_COLUMNS], ...examples], header: true, widths: [14, 24, 16, 12], textColumns: [3] },
    {
      name: '填写说明',
      rows: [
        ['姓名', '2–20 个汉字或字母，与本人加入时填写的一致'],
        ['所在党支部', '填写组织架构中的党支部全称（见下方列表），不能填党委或党总支'],
        ['政治面貌', PARTY_STATUSES.map((status) => PARTY_STATUS_LABELS[status]).join(' / ')],
        ['手机后四位', '选填，4 位数字；同一支部有同名的人时必须填写'],
        ['示例行', '第 2、3 行是示例，请替换为实际名单'],
        [],
        ['党支部列表'],
        ...branches.map((branch) => [branch.name]),
      ],
      widths: [14, 60],
    },
  ]);
}

function quote(text: string): string {
  return text.length > 30 ? `“${text.slice(0, 30)}…”` : `“${text}”`;
}

/**
 * Checks every row against the org tree and the other rows. Two rows are the same person when
 * branch and name agree and their phone tails agree or either is blank (a blank tail could be
 * either of them, and joining would not know which entry to match).
 */
export async function parseRosterSheet(
  file: Buffer,
  orgs: OrgDoc[],
): Promise<{ rows: RosterRow[]; errors: ImportRowError[]; total: number }> {
  const sheet = await readSheet(file, ROSTER_COLUMNS, {
    maxRows: MAX_ROSTER_ROWS,
    tooManyRows: `一次最多导入 ${MAX_ROSTER_ROWS} 人，请分批导入`,
  });
  const orgsByName = new Map<string, OrgDoc[]>();
  for (const org of orgs) orgsByName.set(org.name, [...(orgsByName.get(org.name) ?? []), org]);

  const rows: RosterRow[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, { row: number; phoneTail: string | null }[]>();
  for (const { row, cells } of sheet.rows) {
    const rowErrors: ImportRowError[] = [];
    const error = (field: RosterColumn, message: string) => rowErrors.push({ row, field, message });

    const name = personNameSchema.safeParse(cells.姓名);
    if (!name.success) error('姓名', cells.姓名 === '' ? '请填写姓名' : (name.error.issues[0]?.message ?? '姓名格式不正确'));

    let branchId: string | undefined;
    const matches = orgsByName.get(cells.所在党支部) ?? [];
    if (cells.所在党支部 === '') error('所在党支部', '请填写所在党支部');
    else if (matches.length === 0) error('所在党支部', `组织架构中没有${quote(cells.所在党支部)}`);
    else if (matches.length > 1) error('所在党支部', `有多个名为${quote(cells.所在党支部)}的组织，无法确定`);
    else if (matches[0]!.kind !== 'branch')
      error('所在党支部', `${quote(cells.所在党支部)}是${ORG_KIND_LABELS[matches[0]!.kind]}，请填写党支部`);
    else branchId = matches[0]!._id;

    const partyStatus = STATUS_BY_LABEL.get(cells.政治面貌);
    if (!partyStatus) error('政治面貌', `应为 ${[...STATUS_BY_LABEL.keys()].join(' / ')}`);

    const phoneTail = cells.手机后四位 === '' ? null : cells.手机后四位;
    if (phoneTail !== null && !/^\d{4}$/.test(phoneTail)) error('手机后四位', '应为 4 位数字（请把该列设为文本格式）');

    if (rowErrors.length > 0 || !name.success || branchId === undefined || !partyStatus) {
      errors.push(...rowErrors);
      continue;
    }
    const stored = rosterName(name.data);
    const key = `${branchId}\u0000${stored}`;
    const earlier = seen.get(key) ?? [];
    const same = earlier.find((other) => other.phoneTail === null || phoneTail === null || other.phoneTail === phoneTail);
    if (same) {
      errors.push({ row, field: '姓名', message: `与第 ${same.row} 行重复（同一支部同名的人须填写不同的手机后四位）` });
      continue;
    }
    seen.set(key, [...earlier, { row, phoneTail }]);
    rows.push({ row, branchId, name: stored, partyStatus, phoneTail });
  }
  return { rows, errors: [...errors, ...sheet.errors].sort((a, b) => a.row - b.row), total: sheet.total };
}

/**
 * Which unmatched roster entry a joining person is: the one with their phone tail if they gave one
 * and it is on the roster, else the one without a tail. An entry with a tail never matches someone
 * who did not give the same tail.
 */
export function pickRosterEntry<E extends { phoneTail: string | null; matchedMemberId: string | null }>(
  candidates: E[],
  phoneTail: string | undefined,
): E | null {
  const open = candidates.filter((entry) => entry.matchedMemberId === null);
  return (
    (phoneTail === undefined ? undefined : open.find((entry) => entry.phoneTail === phoneTail)) ??
    open.find((entry) => entry.phoneTail === null) ??
    null
  );
}

/**
 * A phone tail that was guessed wrong: the person gave one, the roster lists their name in the
 * branch with a tail not yet matched, and none was theirs. A match activates at once, which tells
 * a guesser they were right, so misses are limited per caller (PHONE_TAIL_LIMIT).
 */
export function isPhoneTailMiss(
  candidates: { phoneTail: string | null; matchedMemberId: string | null }[],
  phoneTail: string | undefined,
): boolean {
  if (phoneTail === undefined || pickRosterEntry(candidates, phoneTail) !== null) return false;
  return candidates.some((entry) => entry.matchedMemberId === null && entry.phoneTail !== null);
}
