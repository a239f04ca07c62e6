import type { CreateContestInput } from '../../../types/contracts/quiz';
import { recordAudit } from '../../../server/audit';
import type { MemberContext } from '../../../server/kernel/router';
import { contestFields } from '../contestSettings';
import { insertContest } from '../repository';

/** Publishes at once unless saved as a draft; the pool is drawn here either way. */
export async function createContest({ draft, ...settings }: CreateContestInput, ctx: MemberContext) {
  const { db, member, now } = ctx;
  const fields = await contestFields(settings, ctx);
  const contestId = await insertContest(db, { ...fields, status: draft ? 'draft' : 'published', createdAt: now });
  await recordAudit(
    db,
    { at: now, actorId: member._id, action: 'quiz.createContest', targetId: contestId, detail: { title: settings.title, draft } },
    ctx.log,
  );
  return { contestId, questionCount: fields.questionCount };
}
