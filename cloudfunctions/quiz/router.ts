import { ROLES } from '../../types/common';
import { allow, defineRouter } from '../../server/kernel/router';
import { branchBoard, leaderboard, myRank } from './handlers/board.handler';
import { contests } from './handlers/contests.handler';
import { createContest } from './handlers/createContest.handler';
import { importBank } from './handlers/importBank.handler';
import { questions } from './handlers/questions.handler';
import { practice } from './practice/practice.handler';
import { result } from './handlers/result.handler';
import { start } from './handlers/start.handler';
import { submit } from './handlers/submit.handler';

export const quizRouter = defineRouter('quiz', {
  contests: allow(ROLES, contests),
  start: allow(ROLES, start),
  submit: allow(ROLES, submit),
  result: allow(ROLES, result),
  leaderboard: allow(ROLES, leaderboard),
  myRank: allow(ROLES, myRank),
  branchBoard: allow(ROLES, branchBoard),
  practice: allow(ROLES, practice),
  createContest: allow(['org_admin'], createContest),
  importBank: allow(['org_admin'], importBank),
  questions: allow(['org_admin'], questions),
});
