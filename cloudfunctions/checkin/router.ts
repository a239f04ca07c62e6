import { ROLES } from '../../types/common';
import { allow, defineRouter } from '../../server/kernel/router';
import { backfill } from './handlers/backfill.handler';
import { baseCode } from './handlers/baseCode.handler';
import { baseDetail } from './handlers/baseDetail.handler';
import { bases } from './handlers/bases.handler';
import { history } from './handlers/history.handler';
import { issueCode } from './handlers/issueCode.handler';
import { roster } from './handlers/roster.handler';
import { saveBase } from './handlers/saveBase.handler';
import { scan } from './handlers/scan.handler';

const ORG_ADMIN = ['org_admin'] as const;
/** Organisers: a secretary for their branch's activities, an org admin for any (the handlers check which). */
const ORGANISERS = ['secretary', 'org_admin'] as const;

/**
 * issueCode and scan are open to every member: a personal code is anyone's own, and a 反扫 (scan
 * via `personal`) or an activity's code is limited to that activity's organisers in the handler.
 */
export const checkinRouter = defineRouter('checkin', {
  bases: allow(ROLES, bases),
  baseDetail: allow(ROLES, baseDetail),
  saveBase: allow(ORG_ADMIN, saveBase),
  issueCode: allow(ROLES, issueCode),
  baseCode: allow(ORG_ADMIN, baseCode),
  scan: allow(ROLES, scan),
  history: allow(ROLES, history),
  roster: allow(ORGANISERS, roster),
  backfill: allow(ORGANISERS, backfill),
});
