/**
 * The people and the components the reading pages need beyond the shared stand-ins (Video), for the
 * feed, detail, review and campaign page tests; the works and campaigns are storyFixtures.ts'.
 */
import type { MemberView } from '../../../types/contracts/member';
import { activeMember, meReply } from '../../components/__test__/membershipFixtures';

export * from '../../components/__test__/formComponents';

/** A plain <video> carrying the source, so a test can see which file plays. */
export function Video({ className, src }: { className?: string; src: string }) {
  return <video className={className} src={src} aria-label='视频' />;
}

export const author: MemberView = { ...activeMember, id: 'm-author' };
export const reader: MemberView = { ...author, id: 'm-reader', name: '陈静' };
export const secretary: MemberView = { ...author, id: 'm-secretary', name: '林红', role: 'secretary' };
export const orgAdmin: MemberView = {
  ...author,
  id: 'm-admin',
  name: '赵志刚',
  role: 'org_admin',
  branchId: 'branch-org',
  branchName: '组织部',
};

export const meAs = (member: MemberView) => meReply(true, member);

type Handler = (input: Record<string, unknown>) => unknown;

/** Answers `callFunction(name, action, input)` from `handlers` keyed `name.action`; anything else fails the test. */
export function answerCalls(callFunction: jest.Mock, handlers: Record<string, Handler>): void {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    const handler = handlers[`${name}.${action}`];
    if (!handler) throw new Error(`unexpected ${name}.${action}`);
    return handler(input);
  });
}
