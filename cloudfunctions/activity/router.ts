import { ROLES } from '../../types/common';
import { allow, defineRouter } from '../../server/kernel/router';
import { cancel } from './handlers/cancel.handler';
import { create } from './handlers/create.handler';
import { detail } from './handlers/detail.handler';
import { list } from './handlers/list.handler';
import { publish } from './handlers/publish.handler';
import { shareCard } from './handlers/shareCard.handler';
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
  shareCard: allow(ROLES, shareCard),
});
