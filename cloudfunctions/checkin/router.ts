import { ROLES } from '../../types/common';
import { allow, defineRouter } from '../../server/kernel/router';
import { baseDetail } from './handlers/baseDetail.handler';
import { bases } from './handlers/bases.handler';
import { saveBase } from './handlers/saveBase.handler';

const ORG_ADMIN = ['org_admin'] as const;

export const checkinRouter = defineRouter('checkin', {
  bases: allow(ROLES, bases),
  baseDetail: allow(ROLES, baseDetail),
  saveBase: allow(ORG_ADMIN, saveBase),
});
