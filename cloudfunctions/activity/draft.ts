/**
 * An organiser's form as stored fields: who the activity is for and where it happens are decided
 * here, against the organising branch and the directories, never taken on the phone's word.
 */
import type { ActivityDraft } from '../../types/contracts/activity';
import { AUDIENCE_ALL } from '../../core/activity/rules';
import { temporaryUrl } from '../../server/files';
import { fail } from '../../server/kernel/failure';
import type { Database } from '../../server/kernel/db';
import { findBase, findBranchIds, type ActivityDraftFields } from './activities.repository';

/**
 * A branch's activity is for that branch alone; an org-wide one (no organising branch) is for every
 * branch (null) or for chosen 党支部, each of which must exist.
 */
async function resolveAudience(
  db: Database,
  organiserBranchId: string | null,
  requested: string[] | null,
  field: string,
): Promise<string[]> {
  if (organiserBranchId !== null) {
    if (requested === null || requested.some((id) => id !== organiserBranchId)) {
      fail('FORBIDDEN', { field, message: '支部活动只能面向本支部；面向多个支部或全院的活动请由组织部发布' });
    }
    return [organiserBranchId];
  }
  if (requested === null) return [AUDIENCE_ALL];
  const branches = await findBranchIds(db, requested);
  const unknown = requested.findIndex((id) => !branches.has(id));
  if (unknown >= 0) fail('NOT_FOUND', { field: `${field}.${unknown}`, message: '没有这个党支部' });
  return [...new Set(requested)];
}

/** A base picked from the directory names the place, so the place always matches the base. */
async function resolvePlace(db: Database, draft: ActivityDraft, prefix: string): Promise<string> {
  if (draft.baseId === null) return draft.place;
  const base = await findBase(db, draft.baseId);
  if (!base) fail('NOT_FOUND', { field: `${prefix}baseId`, message: '没有这个红色教育基地' });
  return base.name;
}

/** A cover must be a file in cloud storage already: every detail view links to it. */
async function assertCoverExists(fileId: string | null, prefix: string): Promise<void> {
  if (fileId === null) return;
  try {
    await temporaryUrl(fileId);
  } catch {
    fail('NOT_FOUND', { field: `${prefix}coverFileId`, message: '封面图片不存在，请重新上传' });
  }
}

/** `prefix` names where the draft sits in the input (`draft.` for update), so refusals name the field the form shows. */
export async function draftFields(
  db: Database,
  draft: ActivityDraft,
  organiserBranchId: string | null,
  prefix = '',
): Promise<ActivityDraftFields> {
  const [audience, place] = await Promise.all([
    resolveAudience(db, organiserBranchId, draft.audienceBranchIds, `${prefix}audienceBranchIds`),
    resolvePlace(db, draft, prefix),
    assertCoverExists(draft.coverFileId, prefix),
  ]);
  return {
    kind: draft.kind,
    title: draft.title,
    description: draft.description,
    coverFileId: draft.coverFileId,
    audience,
    place,
    baseId: draft.baseId,
    online: draft.online,
    startAt: new Date(draft.startAt),
    endAt: new Date(draft.endAt),
    signUpOpensAt: draft.signUpOpensAt === null ? null : new Date(draft.signUpOpensAt),
    signUpDeadline: new Date(draft.signUpDeadline),
    capacity: draft.capacity,
    waitlist: draft.waitlist,
    countsFor: draft.countsFor,
    studyHours: draft.studyHours,
  };
}
