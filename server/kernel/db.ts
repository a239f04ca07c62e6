import type * as cloudSdk from 'wx-server-sdk';

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
 * Reads a collection that is small by nature (the org tree, a programme's items) past the per-get cap.
 * `maxDocs` keeps a mistake from turning into an unbounded scan.
 */
export async function fetchAllPages<T>(
  query: { skip(n: number): { limit(n: number): Gettable } },
  maxDocs: number,
): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; offset < maxDocs; offset += MAX_DOCS_PER_GET) {
    const page = await fetchList<T>(query.skip(offset).limit(Math.min(MAX_DOCS_PER_GET, maxDocs - offset)));
    all.push(...page);
    if (page.length < MAX_DOCS_PER_GET) break;
  }
  return all;
}
