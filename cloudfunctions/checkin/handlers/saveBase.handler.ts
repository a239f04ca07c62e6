import type { BaseDraft } from '../../../types/contracts/checkin';
import { recordAudit } from '../../../server/audit';
import { temporaryUrl } from '../../../server/files';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { toBaseDetail } from '../baseView';
import type { BaseDoc } from '../../../server/documents';
import { countBases, findBase, insertBase, MAX_BASES, updateBase } from '../bases.repository';

/** Org admins add a base (no `id`) or replace one's fields; either way audited. */
export async function saveBase(input: { id?: string; base: BaseDraft }, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const existing = input.id === undefined ? null : await findBase(db, input.id);
  if (input.id !== undefined && !existing) fail('NOT_FOUND', { field: 'id', message: '基地不存在' });
  await checkNewPhotos(input.base.photoFileIds, existing?.photoFileIds ?? []);
  let saved: BaseDoc;
  if (existing) {
    if (!(await updateBase(db, existing._id, input.base, now))) fail('NOT_FOUND', { field: 'id', message: '基地不存在' });
    saved = { ...existing, ...input.base, updatedAt: now };
  } else {
    if ((await countBases(db)) >= MAX_BASES) fail('FULL', { message: `基地数量已达上限 ${MAX_BASES} 个` });
    saved = await insertBase(db, input.base, now);
  }
  await recordAudit(
    db,
    {
      at: now,
      actorId: member._id,
      action: existing ? 'checkin.updateBase' : 'checkin.createBase',
      targetId: saved._id,
      detail: { name: saved.name },
    },
    ctx.log,
  );
  return { base: await toBaseDetail(saved), created: !existing };
}

/** A photo the admin just uploaded must exist in storage; ones already on the base were checked when added. */
async function checkNewPhotos(fileIds: string[], kept: string[]): Promise<void> {
  await Promise.all(
    fileIds.map(async (fileId, index) => {
      if (kept.includes(fileId)) return;
      try {
        await temporaryUrl(fileId);
      } catch {
        fail('NOT_FOUND', { field: `base.photoFileIds.${index}`, message: '照片不存在，请重新上传' });
      }
    }),
  );
}
