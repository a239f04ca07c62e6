import cloud from 'wx-server-sdk';
import { toDisplayed } from '../../core/quiz';
import { seedContest } from '../../emulator/seed';
import type { AttemptDoc, ContestDoc } from '../../server/documents';
import type { TestEnv } from './localEnv';

export async function storedAttempt(attemptId: string): Promise<AttemptDoc> {
  const reply = (await cloud.database().collection('attempts').where({ _id: attemptId }).get()) as unknown as { data: AttemptDoc[] };
  const [attempt] = reply.data;
  if (!attempt) throw new Error(`no attempt ${attemptId}`);
  return attempt;
}

/** The answers a member who knows everything would send, in this attempt's displayed order. */
export async function perfectAnswers(attemptId: string): Promise<Record<string, number[]>> {
  const attempt = await storedAttempt(attemptId);
  return Object.fromEntries(attempt.key.map((item) => [item.id, toDisplayed(attempt.orders[item.id] ?? [], item.answer)]));
}

/** A contest like the seed's, written straight into the store with `fields` changed. */
export function insertContest(env: TestEnv, now: Date, fields: Partial<ContestDoc> & { _id: string }): ContestDoc {
  const contest: ContestDoc = { ...seedContest(now), ...fields };
  env.store.insertMany('contests', [{ ...contest }]);
  return contest;
}
