/** The bench's data sets date many documents by Shanghai day. */
import { shanghaiDay } from '../../core/time';

/**
 * shanghaiDay through a memo: it formats through a time zone (≈70 µs), and a data set's check-ins
 * share a few thousand instants among hundreds of thousands of documents.
 */
export const dayOf = (() => {
  const days = new Map<number, string>();
  return (instant: Date): string => {
    const known = days.get(instant.getTime());
    if (known !== undefined) return known;
    const day = shanghaiDay(instant);
    days.set(instant.getTime(), day);
    return day;
  };
})();
