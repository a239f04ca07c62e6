/**
 * WeChat's message pushes (消息推送) to a cloud function, locally. In production an asynchronous
 * check (`security.mediaCheckAsync`) answers at once with a trace id and pushes its result later
 * (within 30 minutes) to the function the console's 消息推送 setting names, as a new invocation
 * with no caller. Here a platform stand-in queues the push; it is held until the invocation that
 * caused it has answered, then delivered through the runner like any other invocation.
 *
 * - `automatic` (npm start): delivered as soon as that invocation has answered.
 * - `held` (tests, bench): delivered when the test calls `settle()`, so a test can look at the
 *   moment between the call and WeChat's answer, and then wait for the answer without sleeping.
 */
import type { DeployedFunctionName } from '../types/contracts';
import { currentInvocation } from './interleaving';
import type { FunctionRunner } from './runner';

export type PushDelivery = 'automatic' | 'held';

interface HeldPush {
  name: DeployedFunctionName;
  event: Record<string, unknown>;
  /** The invocation that caused it, until it has answered; undefined once it may go. */
  waitingFor: string | undefined;
}

export class PlatformPushes {
  private held: HeldPush[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private runner: Pick<FunctionRunner, 'invoke'> | undefined;
  private delivered = 0;

  constructor(private readonly delivery: PushDelivery) {}

  /** Deliveries go through this runner, which also says when each invocation has answered. */
  connect(runner: Pick<FunctionRunner, 'invoke' | 'onInvocationEnd'>): void {
    this.runner = runner;
    runner.onInvocationEnd((label) => {
      for (const push of this.held) if (push.waitingFor === label) push.waitingFor = undefined;
      if (this.delivery === 'automatic') this.sendReady();
    });
  }

  /** Called by a platform stand-in: the push goes to `name` after the current invocation has answered. */
  queue(name: DeployedFunctionName, event: Record<string, unknown>): void {
    this.held.push({ name, event, waitingFor: currentInvocation()?.label });
  }

  /** Pushes queued and not yet delivered. */
  pending(): Record<string, unknown>[] {
    return this.held.map((push) => push.event);
  }

  /**
   * Delivers every push whose cause has answered, and the pushes those deliveries cause, until none
   * is left to send or under way; resolves with how many were delivered in all so far.
   */
  async settle(): Promise<number> {
    for (;;) {
      this.sendReady();
      if (this.inFlight.size === 0) return this.delivered;
      await Promise.all(this.inFlight);
    }
  }

  private sendReady(): void {
    const runner = this.runner;
    if (runner === undefined) throw new Error('PlatformPushes: connect a runner before delivering pushes');
    const ready = this.held.filter((push) => push.waitingFor === undefined);
    this.held = this.held.filter((push) => push.waitingFor !== undefined);
    for (const push of ready) {
      const sent = runner
        .invoke(push.name, push.event, { openid: undefined, label: `push-${++this.delivered}` })
        .then(({ result }) => {
          if (!result.ok) console.error(`local push to ${push.name} was refused:`, result.error);
        })
        .finally(() => this.inFlight.delete(sent));
      this.inFlight.add(sent);
    }
  }
}
