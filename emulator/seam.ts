/**
 * Pins the official SDK's transport to the local engine. Every `@cloudbase/database` builder
 * sends through `new Db.reqClass(config).send(action, params)`, and node-sdk assigns its HTTP
 * requester to `Db.reqClass` on every `database()` call, so the property is replaced by a getter
 * with a no-op setter. A copy of the package that is not pinned would go to the network, which
 * is why start-up checks that exactly one copy exists.
 *
 * Each request then passes the scheduler (interleaving) and the fault plan before the engine sees
 * it. See ARCHITECTURE.md, "The emulator seam".
 */
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { transactionBusy, transactionConflict } from './engine/errors';
import type { DocumentStore, WireReply } from './engine/store';
import { FaultPlan, requestTimeout, type FaultKind } from './faults';
import { currentInvocation, RequestScheduler, type RequestTicket } from './interleaving';

interface DbClass {
  reqClass: unknown;
}

/**
 * The module-local `require` (typed here as Node's): under jest it is jest's registry-aware
 * require, so the copy we pin is the very instance the SDK loaded in that test file.
 */
const nodeRequire = require as unknown as NodeJS.Require;

let active: DocumentStore | undefined;
let scheduler = new RequestScheduler();
let faults = new FaultPlan();

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

function ticketFor(action: string, params: unknown): RequestTicket {
  const invocation = currentInvocation();
  if (invocation) invocation.sent += 1;
  const collectionName = (params as { collectionName?: unknown } | undefined)?.collectionName;
  return {
    invocation: invocation?.label,
    nth: invocation?.sent ?? 0,
    action,
    collection: typeof collectionName === 'string' ? collectionName : '',
  };
}

function plantedReply(store: DocumentStore, action: string, params: unknown, fault: 'conflict' | 'busy') {
  return store.refuse(action, params, fault === 'conflict' ? transactionConflict() : transactionBusy());
}

class LocalRequester {
  constructor(readonly config: unknown) {}

  async send(action: string, params?: unknown): Promise<WireReply> {
    if (!active) throw new Error('local database seam: installSeam(store) has not been called');
    const store = active;
    const ticket = ticketFor(action, params);
    await scheduler.admit(ticket);
    const fault: FaultKind | undefined = faults.take(ticket);
    if (fault === 'connectTimeout') throw requestTimeout(false);
    const reply =
      fault === 'conflict' || fault === 'busy' ? plantedReply(store, action, params, fault) : await store.handle(action, params);
    if (fault === 'readTimeout') throw requestTimeout(true);
    // node-sdk throws on `code` (its default throwOnCode); the builders and wx-server-sdk rely on that.
    if (typeof reply.code === 'string' && reply.code) throw new TcbError({ ...reply, code: reply.code });
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

interface TransactionalBuilder {
  _transactionId?: string;
  _coll: string;
  _request: { send(action: string, params: unknown): Promise<unknown> };
}

const CARRIES_TRANSACTION = Symbol('hongtu.carriesTransaction');

/**
 * @cloudbase/database leaves the transaction id off `where().count/update/remove` and `aggregate`,
 * so in production they silently run outside the transaction they were written in — a lost
 * atomicity nobody sees. Here they carry it, and the engine refuses them as CloudBase refuses
 * operations a transaction cannot hold, so such code fails its tests instead.
 */
function carryTransactionIds(databaseIndexPath: string): void {
  const dir = dirname(databaseIndexPath);
  const { Query } = nodeRequire(join(dir, 'query.js')) as { Query: { prototype: Record<PropertyKey, unknown> } };
  const { CollectionReference } = nodeRequire(join(dir, 'collection.js')) as {
    CollectionReference: { prototype: Record<PropertyKey, unknown> };
  };
  if (Query.prototype[CARRIES_TRANSACTION]) return;
  Query.prototype[CARRIES_TRANSACTION] = true;
  const wireActions = { count: 'database.calculateDocument', update: 'database.modifyDocument', remove: 'database.removeDocument' };
  for (const [method, action] of Object.entries(wireActions)) {
    const original = Query.prototype[method] as (...args: unknown[]) => Promise<unknown>;
    Query.prototype[method] = function (this: TransactionalBuilder, ...args: unknown[]) {
      if (!this._transactionId) return original.apply(this, args);
      return this._request.send(action, {
        collectionName: this._coll,
        transactionId: this._transactionId,
        queryType: 'WHERE',
        multi: true,
      });
    };
  }
  const aggregate = CollectionReference.prototype.aggregate as (...args: unknown[]) => { end(): Promise<unknown>; _stages: unknown[] };
  CollectionReference.prototype.aggregate = function (this: TransactionalBuilder, ...args: unknown[]) {
    const pipeline = aggregate.apply(this, args);
    const { _transactionId: transactionId, _coll: collectionName, _request: request } = this;
    if (transactionId)
      pipeline.end = () => request.send('database.aggregateDocuments', { collectionName, transactionId, stages: pipeline._stages });
    return pipeline;
  };
}

/**
 * Pins Db.reqClass on every resolved copy of @cloudbase/database. Calling again switches the active
 * store and starts with a fresh scheduler and fault plan, which it returns for tests to steer.
 */
export function installSeam(store: DocumentStore): { scheduler: RequestScheduler; faults: FaultPlan } {
  active = store;
  scheduler = new RequestScheduler();
  faults = new FaultPlan();
  for (const path of databaseCopies()) {
    Object.defineProperty(dbClass(path), 'reqClass', {
      configurable: true,
      enumerable: true,
      get: () => LocalRequester,
      set: () => undefined,
    });
    carryTransactionIds(path);
  }
  return { scheduler, faults };
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
