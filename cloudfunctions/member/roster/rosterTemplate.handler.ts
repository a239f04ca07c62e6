import type { MemberContext } from '../../../server/kernel/router';
import { listOrgs } from '../../../server/orgs.repository';
import { buildRosterTemplate } from './rosterSheet';

/** The template lists this organisation's branches, so it is built per call rather than shipped as a file. */
export async function rosterTemplate(_input: Record<string, never>, ctx: MemberContext) {
  const template = await buildRosterTemplate(await listOrgs(ctx.db));
  return { templateBase64: template.toString('base64') };
}
