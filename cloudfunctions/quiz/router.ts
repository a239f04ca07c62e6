import { ROLES } from '../../types/common';
import { allow, defineRouter } from '../../server/kernel/router';
import { contests } from './handlers/contests.handler';

export const quizRouter = defineRouter('quiz', {
  contests: allow(ROLES, contests),
});
