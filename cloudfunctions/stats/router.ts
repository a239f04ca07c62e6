import { ROLES } from '../../types/common';
import { allow, defineRouter } from '../../server/kernel/router';
import { behindMembers } from './handlers/behindMembers.handler';
import { acceptNomination } from './handlers/brandAccept.handler';
import { assignPeerReviews } from './handlers/brandAssignPeerReviews.handler';
import { brandBoard } from './handlers/brandBoard.handler';
import { nominate } from './handlers/brandNominate.handler';
import { nominations } from './handlers/brandNominations.handler';
import { peerReview } from './handlers/brandPeerReview.handler';
import { brandProgrammes } from './handlers/brandProgrammes.handler';
import { rateNomination } from './handlers/brandRate.handler';
import { saveBrandProgramme } from './handlers/brandSaveProgramme.handler';
import { selectNomination } from './handlers/brandSelect.handler';
import { branchDashboard } from './handlers/branchDashboard.handler';
import { confirmReport } from './handlers/confirmReport.handler';
import { createProgramme } from './handlers/createProgramme.handler';
import { exportLedger } from './handlers/exportLedger.handler';
import { exportStatus } from './handlers/exportStatus.handler';
import { myProgress } from './handlers/myProgress.handler';
import { orgRanking } from './handlers/orgRanking.handler';
import { pointsLedger } from './handlers/pointsLedger.handler';
import { programmes } from './handlers/programmes.handler';
import { recompute } from './handlers/recompute.handler';
import { remindMembers } from './handlers/remindMembers.handler';
import { reportQueue } from './handlers/reportQueue.handler';
import { selfReport } from './handlers/selfReport.handler';
import { updateProgramme } from './handlers/updateProgramme.handler';

const ORG_ADMIN = ['org_admin'] as const;
/** A secretary sees and acts for their own branch, an org admin for any (the handlers check which). */
const BRANCH_MANAGERS = ['secretary', 'org_admin'] as const;

export const statsRouter = defineRouter('stats', {
  programmes: allow(ROLES, programmes),
  createProgramme: allow(ORG_ADMIN, createProgramme),
  updateProgramme: allow(ORG_ADMIN, updateProgramme),
  myProgress: allow(ROLES, myProgress),
  pointsLedger: allow(ROLES, pointsLedger),
  selfReport: allow(ROLES, selfReport),
  reportQueue: allow(BRANCH_MANAGERS, reportQueue),
  confirmReport: allow(BRANCH_MANAGERS, confirmReport),
  branchDashboard: allow(BRANCH_MANAGERS, branchDashboard),
  behindMembers: allow(BRANCH_MANAGERS, behindMembers),
  remindMembers: allow(BRANCH_MANAGERS, remindMembers),
  orgRanking: allow(ORG_ADMIN, orgRanking),
  exportLedger: allow(ORG_ADMIN, exportLedger),
  exportStatus: allow(ORG_ADMIN, exportStatus),
  recompute: allow(ORG_ADMIN, recompute),
  // 四红 (ARCHITECTURE.md, "Statistics"): unit-level limits are the handlers'.
  brandProgrammes: allow(ROLES, brandProgrammes),
  saveBrandProgramme: allow(ORG_ADMIN, saveBrandProgramme),
  nominate: allow(BRANCH_MANAGERS, nominate),
  nominations: allow(ROLES, nominations),
  assignPeerReviews: allow(ORG_ADMIN, assignPeerReviews),
  peerReview: allow(['secretary'], peerReview),
  rateNomination: allow(ROLES, rateNomination),
  acceptNomination: allow(ORG_ADMIN, acceptNomination),
  selectNomination: allow(ORG_ADMIN, selectNomination),
  brandBoard: allow(BRANCH_MANAGERS, brandBoard),
});
