import { ROLES } from '../../types/common';
import { allow, anyone, defineRouter } from '../../server/kernel/router';
import { acceptPrivacy } from './handlers/acceptPrivacy.handler';
import { me } from './handlers/me.handler';
import { orgTree } from './handlers/orgTree.handler';

export const memberRouter = defineRouter('member', {
  me: anyone(me),
  acceptPrivacy: anyone(acceptPrivacy),
  orgTree: allow(ROLES, orgTree),
});
