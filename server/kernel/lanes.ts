/**
 * Side-by-side work with a bound (ARCHITECTURE.md, "Statistics"): a function's requests are round
 * trips, so a few in flight at once cost about the time of one, while an unbounded `Promise.all`
 * would flood the database with thousands at once.
 */

/**
 * Runs `work` over `items` in order, at most `lanes` at once. `mayStart(n)` is asked before the n-th
 * item (0-based) starts; once it says no, no further item starts and the ones under way finish. After
 * a failure no lane starts another item, and the first failure is thrown once every lane has stopped.
 * Answers the results of the items started, in their order.
 */
export async function inLanes<T, R>(
  items: readonly T[],
  lanes: number,
  work: (item: T) => Promise<R>,
  mayStart: (started: number) => boolean = () => true,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length && mayStart(next)) {
      const at = next++;
      try {
        results[at] = await work(items[at]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(lanes, items.length) }, lane));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}
