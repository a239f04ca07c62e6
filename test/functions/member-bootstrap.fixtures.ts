/** A new environment's first-admin code, as `npm run deploy` leaves it: only the hash is stored. */
import { bootstrapCodeHash, BOOTSTRAP_DOC_ID, SETTINGS_COLLECTION, type BootstrapDoc } from '../../server/bootstrap';
import type { TestEnv } from '../support/localEnv';

export function issueBootstrapCode(env: TestEnv, code: string, issuedAt = new Date()): void {
  const doc: BootstrapDoc = { _id: BOOTSTRAP_DOC_ID, codeHash: bootstrapCodeHash(code), issuedAt, spentAt: null, spentBy: null };
  env.store.insertMany(SETTINGS_COLLECTION, [{ ...doc }]);
}
