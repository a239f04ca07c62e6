/**
 * Controls what `new Date()` returns inside functions under test, leaving timers and promises real:
 * the kernel reads the clock once per request, so this is how tests reach deadlines and windows.
 */
export function useServerClock(start: Date): { set(at: Date): void; advance(ms: number): Date; now(): Date } {
  jest.useFakeTimers({
    now: start,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
  return {
    set: (at) => jest.setSystemTime(at),
    advance: (ms) => {
      const next = new Date(Date.now() + ms);
      jest.setSystemTime(next);
      return next;
    },
    now: () => new Date(),
  };
}
