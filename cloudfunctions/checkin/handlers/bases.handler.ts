import type { LocationReading } from '../../../types/contracts/checkin';
import { BASE_LEVELS, type BaseLevel } from '../../../types/labels';
import { distanceM } from '../../../core/geo';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { toBaseSummary } from '../baseView';
import type { BaseDoc } from '../../../server/documents';
import { listAllBases } from '../bases.repository';

const byName = new Intl.Collator('zh-Hans-CN').compare;

/** 全国 before 省级 before 市级; bases without a known level last. */
function levelRank(level: BaseLevel | null | undefined): number {
  return level ? BASE_LEVELS.indexOf(level) : BASE_LEVELS.length;
}

/** DB requests: caller, directory = 2, whatever the page (see MAX_BASES for why it is read whole). */
export async function bases(input: { cursor?: string; pageSize: number; near?: LocationReading }, ctx: MemberContext) {
  const offset = decodeOffsetCursor(input.cursor);
  const docs = await listAllBases(ctx.db);
  const { near } = input;
  const rows = near
    ? docs
        .map((doc) => ({ doc, distance: distanceM(near, doc) }))
        .sort((a, b) => a.distance - b.distance || byName(a.doc.name, b.doc.name))
        .map(({ doc, distance }) => toBaseSummary(doc, distance))
    : docs.sort(byLevelThenName).map((doc) => toBaseSummary(doc, null));
  return toPage(rows.slice(offset, offset + input.pageSize + 1), input.pageSize, offset);
}

function byLevelThenName(a: BaseDoc, b: BaseDoc): number {
  return levelRank(a.level) - levelRank(b.level) || byName(a.name, b.name);
}
