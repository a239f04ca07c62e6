import { ROLES } from '../../types/common';
import { allow, defineRouter } from '../../server/kernel/router';
import { answerQuestion } from './handlers/answerQuestion.handler';
import { bankTemplate } from './handlers/bankTemplate.handler';
import { branchBoard } from './handlers/branchBoard.handler';
import { contests } from './handlers/contests.handler';
import { createContest } from './handlers/createContest.handler';
import { importBank } from './handlers/importBank.handler';
import { leaderboard } from './handlers/leaderboard.handler';
import { myRank } from './handlers/myRank.handler';
import { questions } from './handlers/questions.handler';
import { reportSwitch } from './handlers/reportSwitch.handler';
import { result } from './handlers/result.handler';
import { start } from './handlers/start.handler';
import { submit } from './handlers/submit.handler';
import { mistakes } from './practice/mistakes.handler';
import { practice } from './practice/practice.handler';
import { practiceSubmit } from './practice/practiceSubmit.handler';
import { retryMistake } from './practice/retryMistake.handler';

const ORG_ADMIN = ['org_admin'] as const;

export const quizRouter = defineRouter('quiz', {
  contests: allow(ROLES, contests),
  start: allow(ROLES, start),
  submit: allow(ROLES, submit),
  result: allow(ROLES, result),
  answerQuestion: allow(ROLES, answerQuestion),
  reportSwitch: allow(ROLES, reportSwitch),
  leaderboard: allow(ROLES, leaderboard),
  myRank: allow(ROLES, myRank),
  branchBoard: allow(ROLES, branchBoard),
  practice: allow(ROLES, practice),
  practiceSubmit: allow(ROLES, practiceSubmit),
  mistakes: allow(ROLES, mistakes),
  retryMistake: allow(ROLES, retryMistake),
  createContest: allow(ORG_ADMIN, createContest),
  bankTemplate: allow(ORG_ADMIN, bankTemplate),
  importBank: allow(ORG_ADMIN, importBank),
  questions: allow(ORG_ADMIN, questions),
});
