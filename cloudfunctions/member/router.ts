import { ROLES } from '../../types/common';
import { allow, anyone, defineRouter } from '../../server/kernel/router';
import { acceptPrivacy } from './handlers/acceptPrivacy.handler';
import { auditLog } from './handlers/auditLog.handler';
import { bootstrap } from './handlers/bootstrap.handler';
import { createInvite } from './handlers/createInvite.handler';
import { inviteInfo } from './handlers/inviteInfo.handler';
import { inviteQrCode } from './handlers/inviteQrCode.handler';
import { approveJoin } from './handlers/approveJoin.handler';
import { rejectJoin } from './handlers/rejectJoin.handler';
import { join } from './handlers/join.handler';
import { leave } from './handlers/leave.handler';
import { list } from './handlers/list.handler';
import { me } from './handlers/me.handler';
import { orgTree } from './handlers/orgTree.handler';
import { setRole } from './handlers/setRole.handler';
import { transfer } from './handlers/transfer.handler';
import { withdrawJoin } from './handlers/withdrawJoin.handler';
import { deleteMine } from './handlers/deleteMine.handler';
import { exportMine } from './handlers/exportMine.handler';
import { importRoster } from './roster/importRoster.handler';
import { rosterTemplate } from './roster/rosterTemplate.handler';

const MANAGERS = ['secretary', 'org_admin'] as const;
const ORG_ADMIN = ['org_admin'] as const;

export const memberRouter = defineRouter('member', {
  me: anyone(me),
  acceptPrivacy: anyone(acceptPrivacy),
  orgTree: allow(ROLES, orgTree),
  createInvite: allow(MANAGERS, createInvite),
  inviteQrCode: allow(MANAGERS, inviteQrCode),
  inviteInfo: anyone(inviteInfo),
  join: anyone(join),
  withdrawJoin: anyone(withdrawJoin),
  bootstrap: anyone(bootstrap),
  approveJoin: allow(MANAGERS, approveJoin),
  rejectJoin: allow(MANAGERS, rejectJoin),
  list: allow(MANAGERS, list),
  setRole: allow(ORG_ADMIN, setRole),
  transfer: allow(MANAGERS, transfer),
  leave: allow(ROLES, leave),
  rosterTemplate: allow(ORG_ADMIN, rosterTemplate),
  importRoster: allow(ORG_ADMIN, importRoster),
  exportMine: anyone(exportMine),
  deleteMine: anyone(deleteMine),
  auditLog: allow(ORG_ADMIN, auditLog),
});
