import { ROLES } from '../../types/common';
import { allow, anyone, defineRouter } from '../../server/kernel/router';
import { acceptPrivacy } from './handlers/acceptPrivacy.handler';
import { createInvite } from './handlers/createInvite.handler';
import { approveJoin, rejectJoin } from './handlers/decideJoin.handler';
import { join } from './handlers/join.handler';
import { me } from './handlers/me.handler';
import { orgTree } from './handlers/orgTree.handler';

const MANAGERS = ['secretary', 'org_admin'] as const;

export const memberRouter = defineRouter('member', {
  me: anyone(me),
  acceptPrivacy: anyone(acceptPrivacy),
  orgTree: allow(ROLES, orgTree),
  createInvite: allow(MANAGERS, createInvite),
  join: anyone(join),
  approveJoin: allow(MANAGERS, approveJoin),
  rejectJoin: allow(MANAGERS, rejectJoin),
});
