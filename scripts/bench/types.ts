/**
 * The bench's vocabulary. A scenario builds one synthetic data set per size and measures cases:
 * each case is one action (the budget key, e.g. `quiz.submit`) called through the real function,
 * optionally beside a naive implementation of the same answer measured in the same run.
 */
import type { DbRequestRecord } from '../../emulator/engine/store';

/** One measured call: the DB requests it made (from the store's recorder) and its wall time. */
export interface Sample {
  requests: DbRequestRecord[];
  ms: number;
  /**
   * DB requests the call makes one after another on its longest path, when it runs some side by
   * side (cron sends notices in lanes); all of `requests` when omitted. The timeout check allows
   * each request on that path its round trip.
   */
  chain?: number;
}

export interface CaseResult {
  /** Budget key and JSON key, e.g. `quiz.leaderboard`. */
  action: string;
  /** Distinguishes several cases of one action, e.g. `first page` and `deep page`. */
  label: string;
  real: Sample[];
  naive?: { description: string; samples: Sample[] };
  /**
   * Why the case is not one call a function's timeout must cover (all the slices of a recompute, a
   * slice that stops itself after a set wall time): it is reported and budgeted, but left out of the
   * timeout check.
   */
  outsideTimeoutCheck?: string;
}

export interface ScenarioRun {
  size: number;
  /** What `size` counts when it is not members (e.g. `rows` of a spreadsheet). */
  unit?: string;
  /** Time to build the synthetic data set, reported but not budgeted. */
  setupMs: number;
  cases: CaseResult[];
}

export interface BenchOptions {
  /** Calls per case per size (real implementation). */
  samples: number;
  /** Calls per case per size for the naive comparators at 1k; scaled down as the data grows. */
  naiveSamples: number;
  log: (line: string) => void;
}

export interface Scenario {
  name: string;
  /**
   * Sizes that do not scale with --sizes, e.g. the largest spreadsheet an import accepts; such a
   * scenario runs at these sizes in every run, --quick included.
   */
  fixedSizes?: readonly number[];
  /** Sizes when neither --sizes nor --size is given, for a scenario whose largest default size would take too long. */
  defaultSizes?: readonly number[];
  /** Runs the whole scenario for one size in a fresh in-memory store. */
  run(size: number, options: BenchOptions): Promise<ScenarioRun>;
}

/**
 * ARCHITECTURE.md, "Budgets": `maxRequests` is the DB-requests-per-call budget; `hot` means every request the
 * action makes must be covered by a declared index (the bench fails otherwise).
 */
export interface Budget {
  maxRequests?: number;
  /** Wall time of the slowest call on the emulator, for batch work (a full recompute, an export). */
  maxMs?: number;
  hot: boolean;
  /** Where the number comes from, printed beside breaches. */
  source: string;
}
