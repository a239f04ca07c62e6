/**
 * Pins the official SDK's transport to the local engine. Every `@cloudbase/database` builder
 * sends through `new Db.reqClass(config).send(action, params)`, and node-sdk assigns its HTTP
 * requester to `Db.reqClass` on every `database()` call, so the property is replaced by a getter
 * with a no-op setter. A copy of the package that is not pinned would go to the network, which
 * is why start-up checks that exactly one copy exists.
 */
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DocumentStore } from './engine/store';

interface DbClass {
  reqClass: unknown;
}

/**
 * The module-local `require` (typed here as Node's): under jest it is jest's registry-aware
 * require, so the copy we pin is the very instance the SDK loaded in that test file.
 */
const nodeRequire = require as unknown as NodeJS.Require;

let active: DocumentStore | undefined;

/** Same fields as node-sdk's TcbError, which its requester throws for a reply carrying `code`. */
class TcbError extends Error {
  readonly code: string;
  readonly requestId: string;

  constructor(reply: { code: string; message?: string; requestId?: string }) {
    super(reply.message ?? '');
    this.code = reply.code;
    this.requestId = reply.requestId ?? '';
  }
}

class LocalRequester {
  constructor(readonly config: unknown) {}

  async send(action: string, params?: unknown): Promise<any> {
    if (!active) throw new Error('local database seam: installSeam(store) has not been called');
    const reply = await active.handle(action, params);
    // node-sdk throws on `code` (its default throwOnCode); the builders and wx-server-sdk rely on that.
    if (reply && typeof reply.code === 'string' && reply.code) throw new TcbError(reply);
    return reply;
  }
}

const LOADED_COPY = /[\\/]@cloudbase[\\/]database[\\/]dist[\\/]commonjs[\\/]index\.js$/;

/** Every copy the SDK chain or a direct import resolves to, plus any copy already loaded. */
function databaseCopies(): string[] {
  const found = new Set<string>();
  const sdk = nodeRequire.resolve('wx-server-sdk');
  const nodeSdk = nodeRequire.resolve('@cloudbase/node-sdk', { paths: [dirname(sdk)] });
  found.add(realpathSync(nodeRequire.resolve('@cloudbase/database', { paths: [dirname(nodeSdk)] })));
  found.add(realpathSync(nodeRequire.resolve('@cloudbase/database')));
  for (const path of Object.keys(nodeRequire.cache ?? {})) if (LOADED_COPY.test(path)) found.add(realpathSync(path));
  return [...found];
}

function dbClass(path: string): DbClass {
  return (nodeRequire(path) as { Db: DbClass }).Db;
}

/** Pins Db.reqClass on every resolved copy of @cloudbase/database. Calling again switches the active store. */
export function installSeam(store: DocumentStore): void {
  active = store;
  for (const path of databaseCopies()) {
    Object.defineProperty(dbClass(path), 'reqClass', {
      configurable: true,
      enumerable: true,
      get: () => LocalRequester,
      set: () => undefined,
    });
  }
}

/** Start-up self-check: throws unless exactly one copy of @cloudbase/database is loaded/resolvable and it is pinned. */
export function assertSeamPinned(): void {
  const copies = databaseCopies();
  if (copies.length !== 1) {
    throw new Error(`local database seam: expected exactly one @cloudbase/database, found ${copies.length}: ${copies.join(', ')}`);
  }
  const Db = dbClass(copies[0]!);
  if (!active || Db.reqClass !== LocalRequester) {
    throw new Error(`local database seam: Db.reqClass of ${copies[0]} is not the local requester; call installSeam(store) first`);
  }
  // node-sdk reassigns reqClass on every database() call; the pin must survive that.
  Db.reqClass = class NetworkRequester {};
  if (Db.reqClass !== LocalRequester) {
    throw new Error('local database seam: Db.reqClass can be reassigned, so node-sdk would restore its network requester');
  }
}
