import { ROLES } from '../../types/common';
import { allow, anyone, defineRouter } from '../../server/kernel/router';
import { addAttendee } from './handlers/addAttendee.handler';
import { attendees } from './handlers/attendees.handler';
import { cancel } from './handlers/cancel.handler';
import { cancelSignUp } from './handlers/cancelSignUp.handler';
import { create } from './handlers/create.handler';
import { detail } from './handlers/detail.handler';
import { exportAttendees } from './handlers/exportAttendees.handler';
import { list } from './handlers/list.handler';
import { posterCode } from './handlers/posterCode.handler';
import { publish } from './handlers/publish.handler';
import { requestLeave } from './handlers/requestLeave.handler';
import { shareCard } from './handlers/shareCard.handler';
import { signUp } from './handlers/signUp.handler';
import { update } from './handlers/update.handler';

/** Organisers: a secretary for their branch's activities, an org admin for any (branch limits in the handlers). */
const ORGANISERS = ['secretary', 'org_admin'] as const;

export const activityRouter = defineRouter('activity', {
  create: allow(ORGANISERS, create),
  update: allow(ORGANISERS, update),
  publish: allow(ORGANISERS, publish),
  cancel: allow(ORGANISERS, cancel),
  list: allow(ROLES, list),
  detail: allow(ROLES, detail),
  shareCard: anyone(shareCard),
  signUp: allow(ROLES, signUp),
  cancelSignUp: allow(ROLES, cancelSignUp),
  requestLeave: allow(ROLES, requestLeave),
  addAttendee: allow(ORGANISERS, addAttendee),
  attendees: allow(ORGANISERS, attendees),
  exportAttendees: allow(ORGANISERS, exportAttendees),
  posterCode: allow(ROLES, posterCode),
});
