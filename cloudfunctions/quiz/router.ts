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
import { adminContests } from './organiser/adminContests.handler';
import { contestAttempts } from './organiser/contestAttempts.handler';
import { closeContest, duplicateContest, publishContest, updateContest, withdrawContest } from './organiser/contestLifecycle.handler';
import { exportResults } from './organiser/exportResults.handler';
import { questionStats } from './organiser/questionStats.handler';
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
  adminContests: allow(ORG_ADMIN, adminContests),
  updateContest: allow(ORG_ADMIN, updateContest),
  publishContest: allow(ORG_ADMIN, publishContest),
  withdrawContest: allow(ORG_ADMIN, withdrawContest),
  closeContest: allow(ORG_ADMIN, closeContest),
  duplicateContest: allow(ORG_ADMIN, duplicateContest),
  contestAttempts: allow(ORG_ADMIN, contestAttempts),
  exportResults: allow(ORG_ADMIN, exportResults),
  questionStats: allow(ORG_ADMIN, questionStats),
});
