import { randomUUID } from 'node:crypto';
import * as z from 'zod';
// A named import from zod's locale index: the bundle keeps zh-CN alone (unused re-exports are
// dropped), on the same zod core as `zod` itself. Importing the `.cjs` file pulled in a second
// CommonJS copy of that core (+34 KB), and z.locales would bundle all 40 locales.
import { zhCN } from 'zod/v4/locales';
import { ERROR_MESSAGES } from '../../types/errors';
import { functionEventSchema, type Result } from '../../types/result';
import { findMemberByOpenid } from './caller';
import { healthReport, isHealthProbe } from './health';
import type { CloudSdk, Database } from './db';
import { AppFailure, invalidInputFromZod } from './failure';
import { createLogger, type Logger } from './log';
import type { Router } from './router';

z.config(zhCN());

export interface DispatchRuntime {
  db: Database;
  openid: string | undefined;
  now: Date;
  requestId: string;
  log: Logger;
}

/**
 * Routing comes before authentication, so an unknown action is INVALID_INPUT for anyone;
 * then input parsing, then the role check, then the handler. Nothing is thrown to the caller.
 */
export async function dispatch(router: Router, event: unknown, runtime: DispatchRuntime): Promise<Result<unknown>> {
  const { log } = runtime;
  const started = Date.now();
  let action = '';
  try {
    const parsedEvent = functionEventSchema.safeParse(event);
    if (!parsedEvent.success) throw invalidInputFromZod(parsedEvent.error);
    action = parsedEvent.data.action;
    const entry = router.entries.get(action);
    if (!entry) throw new AppFailure('INVALID_INPUT', { field: 'action', message: `${ERROR_MESSAGES.INVALID_INPUT}：未知操作` });

    const input = entry.schemas.input.safeParse(parsedEvent.data.input ?? {});
    if (!input.success) throw invalidInputFromZod(input.error);

    const openid = runtime.openid;
    if (!openid) throw new AppFailure('UNAUTHENTICATED');
    const base = { db: runtime.db, now: runtime.now, openid, requestId: runtime.requestId, log };

    let output: unknown;
    const { route } = entry;
    if (route.access === 'anyone') {
      output = await route.handler(input.data, base);
    } else {
      const member = await findMemberByOpenid(runtime.db, openid);
      if (!member || member.status !== 'active') throw new AppFailure('UNAUTHENTICATED');
      if (!route.access.includes(member.role)) throw new AppFailure('FORBIDDEN');
      output = await route.handler(input.data, { ...base, member });
    }

    // The output contract strips anything a handler returned by mistake (answers, other people's data).
    const checked = entry.schemas.output.safeParse(output);
    if (!checked.success) {
      log.error('output_contract_violation', { action, issues: checked.error.issues.slice(0, 3) });
      throw new AppFailure('INTERNAL');
    }
    log.info('request', { action, ok: true, ms: Date.now() - started });
    return { ok: true, data: checked.data };
  } catch (error) {
    if (error instanceof AppFailure) {
      log.info('request', { action, ok: false, code: error.code, field: error.field, ms: Date.now() - started });
      return { ok: false, error: error.toAppError() };
    }
    const detail = error instanceof Error ? { message: error.message, stack: error.stack } : { thrown: String(error) };
    log.error('unexpected_error', { action, ...detail, ms: Date.now() - started });
    return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
  }
}

/** The `exports.main` of every function: reads the platform context, then dispatches. */
export function handle(cloud: CloudSdk, router: Router) {
  return (event: unknown, context?: unknown): Promise<Result<unknown>> => {
    const platformRequestId = (context as { request_id?: unknown } | undefined)?.request_id;
    const requestId = typeof platformRequestId === 'string' ? platformRequestId : randomUUID();
    const openid = cloud.getWXContext().OPENID;
    if (isHealthProbe(event, openid)) return Promise.resolve(healthReport(router.name));
    return dispatch(router, event, {
      db: cloud.database(),
      openid,
      now: new Date(),
      requestId,
      log: createLogger({ fn: router.name, requestId }),
    });
  };
}

/** The SDK's typings reject its own DYNAMIC_CURRENT_ENV symbol, hence the one cast here. */
export function initCloud(cloud: CloudSdk): void {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
}
