import type * as cloudSdk from 'wx-server-sdk';
import { newShortId } from '../shortId';
import { isDuplicateKeyError } from './sdk-errors';

/** The SDK's own types name neither the database nor its queries, so derive them once here. */
export type CloudSdk = typeof cloudSdk;
export type Database = ReturnType<CloudSdk['database']>;
export type Collection = ReturnType<Database['collection']>;

interface Gettable {
  get(): unknown;
}
interface Countable {
  count(): unknown;
}

/** The server caps one get at 1000 documents; callers that need more page explicitly. */
export const MAX_DOCS_PER_GET = 1000;

export async function fetchList<T>(query: Gettable): Promise<T[]> {
  const reply = (await query.get()) as { data: T[] };
  return reply.data;
}

export async function fetchOne<T>(query: Gettable & { limit(n: number): Gettable }): Promise<T | null> {
  const [first] = await fetchList<T>(query.limit(1));
  return first ?? null;
}

export async function fetchById<T>(collection: Collection, id: string): Promise<T | null> {
  // where({_id}) rather than doc(id).get(): a missing doc is a normal answer here, not an exception.
  return fetchOne<T>(collection.where({ _id: id }));
}

export async function countOf(query: Countable): Promise<number> {
  const reply = (await query.count()) as { total: number };
  return reply.total;
}

/**
 * Reads a collection that is small by nature (the org tree, a bank's questions) past the per-get cap.
 * It stops at an empty page, not at a short one: the server may answer with fewer documents than
 * asked (a default or a reply-size cap) while more remain. `maxDocs` keeps a mistake from turning
 * into an unbounded scan.
 */
export async function fetchAllPages<T>(query: { skip(n: number): { limit(n: number): Gettable } }, maxDocs: number): Promise<T[]> {
  const all: T[] = [];
  while (all.length < maxDocs) {
    const page = await fetchList<T>(query.skip(all.length).limit(Math.min(MAX_DOCS_PER_GET, maxDocs - all.length)));
    if (page.length === 0) break;
    all.push(...page);
  }
  return all;
}

/**
 * Adds a document under a fresh short id (server/shortId.ts) and returns it. A clash among 31^12
 * ids is vanishingly rare; one retry covers it without a loop that could spin.
 */
export async function addWithShortId<T extends object>(collection: Collection, idLength: number, fields: T): Promise<T & { _id: string }> {
  const insert = async (): Promise<T & { _id: string }> => {
    const doc = { _id: newShortId(idLength), ...fields };
    await collection.add({ data: doc });
    return doc;
  };
  try {
    return await insert();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return insert();
  }
}

/**
 * Update fields with every plain object written whole (`command.set`): CloudBase merges a plain
 * object into the stored field, and a field stored as null cannot take one (a first video on a draft,
 * a first review on a work). Dates and arrays are written as they are.
 */
export function wholeObjectWrites(changes: Record<string, unknown>, command: Database['command']): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, value]) => {
      const isPlainObject = typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
      return [field, isPlainObject ? command.set(value) : value];
    }),
  );
}
