import type { ActionOutput, ParsedInput } from '../../../types/contracts';
import { decodeOffsetCursor, toPage } from '../../../server/kernel/paging';
import type { MemberContext } from '../../../server/kernel/router';
import { listBrandProgrammes } from '../brand.repository';
import { toBrandProgrammeView } from '../brandView';

/** 四红 programmes, newest first, each with its stage now. DB requests: the caller, the page. */
export async function brandProgrammes(
  input: ParsedInput<'stats', 'brandProgrammes'>,
  ctx: MemberContext,
): Promise<ActionOutput<'stats', 'brandProgrammes'>> {
  const offset = decodeOffsetCursor(input.cursor);
  const page = toPage(await listBrandProgrammes(ctx.db, { offset, limit: input.pageSize + 1 }), input.pageSize, offset);
  return { items: page.items.map((programme) => toBrandProgrammeView(programme, ctx.now)), nextCursor: page.nextCursor };
}
