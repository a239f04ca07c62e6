import type { z } from 'zod';
import type { Role } from '../../types/common';
import { contracts, type ActionName, type ActionOutput, type FunctionName, type ParsedInput } from '../../types/contracts';
import type { MemberDoc } from '../documents';
import type { Database } from './db';
import type { Logger } from './log';

/** What every handler gets: the database, the server's clock reading and who is calling. */
export interface RequestContext {
  db: Database;
  /** Read once per request by the kernel; domain code never reads the clock itself. */
  now: Date;
  openid: string;
  requestId: string;
  log: Logger;
}

/** Handlers behind a role check also get the caller's active member profile. */
export interface MemberContext extends RequestContext {
  member: MemberDoc;
}

type Handler<I, O, C> = (input: I, ctx: C) => Promise<O>;

export type Route<I, O> =
  { access: 'anyone'; handler: Handler<I, O, RequestContext> } | { access: readonly Role[]; handler: Handler<I, O, MemberContext> };

/** Open to any WeChat user, registered or not (onboarding, privacy consent). */
export function anyone<I, O>(handler: Handler<I, O, RequestContext>): Route<I, O> {
  return { access: 'anyone', handler };
}

/** Only active members holding one of `roles`; branch-level limits are the service's job. */
export function allow<I, O>(roles: readonly Role[], handler: Handler<I, O, MemberContext>): Route<I, O> {
  return { access: roles, handler };
}

export type RouteTable<F extends FunctionName> = {
  [A in ActionName<F>]: Route<ParsedInput<F, A>, ActionOutput<F, A>>;
};

interface ActionSchemas {
  input: z.ZodType;
  output: z.ZodType;
}

export interface RouterEntry {
  schemas: ActionSchemas;
  // The table is typed per action at definition; the dispatcher only sees parsed values.
  route: Route<unknown, unknown>;
}

export interface Router {
  name: FunctionName;
  entries: ReadonlyMap<string, RouterEntry>;
}

/** Binds each action's handler to its contract from `types/contracts`, the one place inputs are parsed. */
export function defineRouter<F extends FunctionName>(name: F, table: RouteTable<F>): Router {
  const schemasByAction = contracts[name] as Record<string, ActionSchemas>;
  const entries = new Map<string, RouterEntry>();
  for (const [action, route] of Object.entries(table) as [string, Route<unknown, unknown>][]) {
    const schemas = schemasByAction[action];
    if (!schemas) throw new Error(`${name}.${action} has no contract in types/contracts`);
    entries.set(action, { schemas, route });
  }
  for (const action of Object.keys(schemasByAction)) {
    if (!entries.has(action)) throw new Error(`${name}.${action} is in the contract but has no handler`);
  }
  return { name, entries };
}
