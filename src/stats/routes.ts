/** Pages of the `stats` subpackage: 我的六个一, 积分, 自报, 支部看板, 支部排名与台账 and the programmes (issue 14). */
import type { ProgrammeItemKey } from '../../types/labels';

export const PROGRESS_URL = '/stats/progress/index';
export const PROGRAMMES_URL = '/stats/programmes/index';
export const RANKING_URL = '/stats/ranking/index';

export function ledgerUrl(programmeId?: string): string {
  return programmeId ? `/stats/ledger/index?programmeId=${encodeURIComponent(programmeId)}` : '/stats/ledger/index';
}

/** 自报 for one item of one programme (读书 / 观影 by default). */
export function selfReportUrl(programmeId: string, item: ProgrammeItemKey): string {
  return `/stats/report/index?programmeId=${encodeURIComponent(programmeId)}&item=${item}`;
}

/** Without a branch: the caller's own (a secretary's); org admins pick any from the page. */
export function dashboardUrl(branchId?: string): string {
  return branchId ? `/stats/dashboard/index?branchId=${encodeURIComponent(branchId)}` : '/stats/dashboard/index';
}

/** Without an id the form creates a new programme. */
export function programmeEditUrl(id?: string): string {
  return id ? `/stats/programme/index?id=${encodeURIComponent(id)}` : '/stats/programme/index';
}

/** 四红品牌: the brand programmes (ARCHITECTURE.md, "Statistics", 四红). */
export const BRANDS_URL = '/stats/brands/index';

/** Without an id the form creates a new brand programme. */
export function brandEditUrl(id?: string): string {
  return id ? `/stats/brand/index?id=${encodeURIComponent(id)}` : '/stats/brand/index';
}

export function brandProgrammeUrl(id: string): string {
  return `/stats/brandProgramme/index?id=${encodeURIComponent(id)}`;
}

/** 申报 for a programme: a brand to start with, or the id of a nomination to edit. */
export function nominateUrl(programmeId: string, options: { brand?: string; id?: string } = {}): string {
  let url = `/stats/nominate/index?programmeId=${encodeURIComponent(programmeId)}`;
  if (options.brand) url += `&brand=${encodeURIComponent(options.brand)}`;
  if (options.id) url += `&id=${encodeURIComponent(options.id)}`;
  return url;
}
