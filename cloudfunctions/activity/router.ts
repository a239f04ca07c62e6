import { ROLES } from '../../types/common';
import { allow, defineRouter } from '../../server/kernel/router';
import { list } from './handlers/list.handler';

export const activityRouter = defineRouter('activity', {
  list: allow(ROLES, list),
});
