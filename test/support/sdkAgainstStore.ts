/**
 * The official wx-server-sdk talking to an embedded DocumentStore, as the emulator tests drive it:
 * the collections go through parseManifest (so a malformed spec fails like config/database.json
 * would), the SDK's transport is pinned to the store, and `cloud.init` has run.
 */
import { parseManifest, type CollectionSpec } from '../../emulator/engine/manifest';
import { DocumentStore } from '../../emulator/engine/store';
import { installSeam } from '../../emulator/seam';

type StoreOptions = Omit<ConstructorParameters<typeof DocumentStore>[0], 'manifest'>;

export function sdkAgainstStore(collections: CollectionSpec[], options: StoreOptions = {}) {
  // Untyped on purpose: the tests use SDK forms its index.d.ts leaves out, e.g. serverDate({ offset }).
  const cloud = require('wx-server-sdk');
  const manifest = parseManifest({ collections });
  const store = new DocumentStore({ manifest, ...options });
  installSeam(store);
  cloud.init({ env: 'local-test' });
  const db = cloud.database();
  return { cloud, manifest, store, db, _: db.command };
}
