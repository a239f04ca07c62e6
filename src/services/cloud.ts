import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/contracts';
import { ERROR_MESSAGES } from '../../types/errors';
import type { Result } from '../../types/result';
import type { Transport } from './transport';
import { toast } from '../utils/toast';

const NETWORK_FAILURE_MESSAGE = '网络连接失败，请检查网络后重试';

/*
 * `require` inside a build-time constant branch keeps each platform's transport out of the other's
 * bundle: webpack drops the dead branch, so the weapp build carries no fetch or demo-identity code.
 */
const transport: Transport =
  process.env.TARO_ENV === 'h5' ? require('./gatewayTransport').gatewayTransport : require('./wxCloudTransport').wxCloudTransport;

export interface CallOptions {
  /** The caller shows the failure itself (e.g. a section error state), so no toast. */
  silentError?: boolean;
}

/** The call never reached a function (no signal, or the transport failed), as opposed to a function's answer. */
export function isNetworkFailure(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'INTERNAL' && result.error.message === NETWORK_FAILURE_MESSAGE;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const candidate = value as { ok: unknown; error?: unknown };
  if (candidate.ok === true) return true;
  return candidate.ok === false && typeof candidate.error === 'object' && candidate.error !== null;
}

/** The one place the app calls a cloud function; it never throws and never shows a raw exception. */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ActionInput<F, A>,
  opts: CallOptions = {},
): Promise<Result<ActionOutput<F, A>>> {
  let result: Result<ActionOutput<F, A>>;
  try {
    const answer = await transport(name, { action, input });
    result = isResult(answer)
      ? (answer as Result<ActionOutput<F, A>>)
      : { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
  } catch {
    result = { ok: false, error: { code: 'INTERNAL', message: NETWORK_FAILURE_MESSAGE } };
  }
  if (!result.ok && !opts.silentError) {
    toast(result.error.message);
  }
  return result;
}
