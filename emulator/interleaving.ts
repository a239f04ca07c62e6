/**
 * Who is sending a DB request, and when it may go. CloudBase runs many instances of a function at
 * once against one database, so their requests interleave; the runner gives each invocation its own
 * async context (caller identity, label, request count) and every request passes the scheduler at
 * the seam before the engine sees it. See ARCHITECTURE.md, "Concurrency in the local runtime".
 *
 * - By default requests go as they come: concurrent invocations interleave at every request
 *   boundary (each `await` of a DB call lets the others run), which is what production does.
 * - `useSeed(n)` serialises requests in a seeded random order, so a race found once can be replayed.
 * - `pauseBefore(match)` stops one chosen request until the test releases it, to force an exact
 *   interleaving ("A reads, then B runs to the end, then A writes").
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { seededRng, type Rng } from '../core/random';

export interface InvocationContext {
  /** Unique per invocation; tests may set a readable label instead of the running number. */
  readonly label: string;
  readonly openid: string | undefined;
  /**
   * What `getWXContext().SOURCE` says (wx_client for a mini-program's call, wx_trigger for a timer);
   * when absent, a call with an openid is a client's and one without a trigger's.
   */
  readonly source?: string;
  /** DB requests sent so far by this invocation. */
  sent: number;
}

const invocations = new AsyncLocalStorage<InvocationContext>();

export function runAsInvocation<T>(context: InvocationContext, fn: () => Promise<T>): Promise<T> {
  return invocations.run(context, fn);
}

export function currentInvocation(): InvocationContext | undefined {
  return invocations.getStore();
}

/** One DB request as the scheduler and the fault plan see it. */
export interface RequestTicket {
  /** Label of the invocation sending it; undefined for code outside the runner (tests, seed). */
  invocation: string | undefined;
  /** 1-based position of this request within its invocation. */
  nth: number;
  action: string;
  collection: string;
}

/** Every given field must equal the ticket's. */
export type RequestMatch = Partial<RequestTicket>;

export function matches(match: RequestMatch, ticket: RequestTicket): boolean {
  return (Object.keys(match) as (keyof RequestTicket)[]).every((key) => match[key] === ticket[key]);
}

export interface Pause {
  /** Resolves with the held request once it arrives at the seam. */
  readonly reached: Promise<RequestTicket>;
  /** Lets the held request (and everything after it) go on. */
  release(): void;
}

interface HeldPause {
  match: RequestMatch;
  arrived: (ticket: RequestTicket) => void;
  released: Promise<void>;
}

export class RequestScheduler {
  private rng: Rng | undefined;
  private readonly waiting: (() => void)[] = [];
  private draining = false;
  private pauses: HeldPause[] = [];

  /** A seeded random serial order for every request from now on; `undefined` returns to free running. */
  useSeed(seed: number | undefined): void {
    this.rng = seed === undefined ? undefined : seededRng(`scheduler-${seed}`);
  }

  /** Holds the first request matching `match` (once) until `release()` is called. */
  pauseBefore(match: RequestMatch): Pause {
    let arrived!: (ticket: RequestTicket) => void;
    let release!: () => void;
    const reached = new Promise<RequestTicket>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.pauses.push({ match, arrived, released });
    return { reached, release };
  }

  /** Drops every pause and seed: a fresh environment starts free running. */
  reset(): void {
    this.rng = undefined;
    this.pauses = [];
  }

  async admit(ticket: RequestTicket): Promise<void> {
    const pause = this.pauses.find((p) => matches(p.match, ticket));
    if (pause) {
      this.pauses = this.pauses.filter((p) => p !== pause);
      pause.arrived(ticket);
      await pause.released;
    }
    if (this.rng) await this.seededTurn();
  }

  /**
   * Requests wait in a pool; after everything runnable has run (a macrotask turn), one is drawn at
   * random and let through. The order is a function of the seed and the program alone.
   */
  private seededTurn(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => this.drawNext());
      }
    });
  }

  private drawNext(): void {
    if (this.waiting.length === 0 || !this.rng) {
      // Seed dropped meanwhile: let everyone go in arrival order.
      for (const resolve of this.waiting.splice(0)) resolve();
      this.draining = false;
      return;
    }
    const [resolve] = this.waiting.splice(Math.floor(this.rng() * this.waiting.length), 1);
    resolve!();
    setImmediate(() => this.drawNext());
  }
}
