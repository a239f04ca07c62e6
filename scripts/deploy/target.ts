/**
 * Where a deployment goes: read what an environment holds, apply one step, and the calls `--check`
 * makes. The real one is scripts/deploy/tencentCloud.ts; tests use a recorded environment.
 */
import type { DeployManifest, IndexSpec } from './manifest';
import type { DeployedState, DeployStep } from './plan';

export interface DeployTarget {
  readState(manifest: DeployManifest): Promise<DeployedState>;
  /** `bootstrapCodeHash` accompanies an issueBootstrapCode step: only the hash leaves this machine. */
  apply(step: DeployStep, context: { bootstrapCodeHash?: string }): Promise<void>;
}

export interface DeployedFunctionFacts {
  timeout: number;
  runtime: string;
}

export interface CheckTarget {
  /** The function's reply to an event, as `callFunction` would return it. */
  invoke(fn: string, event: Record<string, unknown>): Promise<unknown>;
  describeFunction(fn: string): Promise<DeployedFunctionFacts | null>;
  listIndexes(collection: string): Promise<IndexSpec[] | null>;
  /** Inserts a document by `_id`; resolves to 'duplicate' when a unique index refuses it. */
  insert(collection: string, doc: Record<string, unknown>): Promise<'inserted' | 'duplicate'>;
  remove(collection: string, id: string): Promise<void>;
}
