import { PRIVACY_VERSION } from '../../../types/contracts/member';
import type { PartyStatus } from '../../../types/labels';
import { matchesBootstrapCode } from '../../../server/bootstrap';
import type { MemberDoc, OrgDoc } from '../../../server/documents';
import { findMemberByOpenid } from '../../../server/kernel/caller';
import { fail } from '../../../server/kernel/failure';
import type { RequestContext } from '../../../server/kernel/router';
import { newShortId } from '../../../server/shortId';
import { ALREADY_SPENT, findBootstrap, spendBootstrap } from '../bootstrap.repository';
import { BOOTSTRAP_CODE, countWrongGuess, readCallerGuards, refuseWhileLocked } from '../guessLimits';
import { toMemberView } from '../memberView';
import { findConsent } from '../repository';

interface BootstrapInput {
  code: string;
  orgName: string;
  branchName: string;
  name: string;
  partyStatus: PartyStatus;
}

const ORG_ID_LENGTH = 12;

/**
 * The first person with the code `npm run deploy` printed becomes the org admin of a new environment:
 * the 党委 and their own 党支部 are created with them, in one transaction with the code's spending.
 * A wrong code counts against the caller like an invite code. DB requests: consent, member, code and
 * guard reads in parallel (4), then the transaction, then the branch name for the reply.
 */
export async function bootstrap(input: BootstrapInput, ctx: RequestContext) {
  const { db, openid, now } = ctx;
  const [consent, existing, stored, guards] = await Promise.all([
    findConsent(db, openid, PRIVACY_VERSION),
    findMemberByOpenid(db, openid),
    findBootstrap(db),
    readCallerGuards(db, openid, [BOOTSTRAP_CODE]),
  ]);
  if (!consent) fail('FORBIDDEN', { message: '请先阅读并同意隐私保护指引' });
  if (!stored) fail('NOT_FOUND', { field: 'code', message: '这个环境没有待使用的引导码（部署时才会发放）' });
  if (stored.spentAt) fail('CONFLICT', { message: ALREADY_SPENT });
  // A new environment has no members; anyone already on record joins the usual way instead.
  if (existing) fail('DUPLICATE', { message: '这个微信已有成员记录，请通过邀请加入' });
  refuseWhileLocked(guards, BOOTSTRAP_CODE, now);
  if (!matchesBootstrapCode(input.code, stored.codeHash)) {
    await countWrongGuess(db, openid, guards, BOOTSTRAP_CODE, now);
    fail('INVALID_INPUT', { field: 'code', message: '引导码不对，请核对部署时打印的引导码' });
  }

  const committee: OrgDoc = {
    _id: newShortId(ORG_ID_LENGTH),
    name: input.orgName,
    kind: 'committee',
    parentId: null,
    order: 0,
    activeMemberCount: 0,
  };
  const branch: OrgDoc = {
    _id: newShortId(ORG_ID_LENGTH),
    name: input.branchName,
    kind: 'branch',
    parentId: committee._id,
    order: 1,
    activeMemberCount: 1,
  };
  const member: MemberDoc = {
    _id: newShortId(ORG_ID_LENGTH),
    openid,
    name: input.name,
    branchId: branch._id,
    role: 'org_admin',
    partyStatus: input.partyStatus,
    status: 'active',
    joinedAt: now,
    createdAt: now,
    updatedAt: now,
  };
  await spendBootstrap(db, { orgs: [committee, branch], member, now }, ctx.log);
  return { member: await toMemberView(db, member) };
}
