/** Shared pieces of the programme, self-report and reminder tests: a valid draft, stored photos, reading documents back. */
import cloud from 'wx-server-sdk';
import { DEFAULT_POINTS } from '../../core/stats/rules';
import type { ProgrammeDraftInput } from '../../types/contracts/stats';
import type { TestEnv } from '../support/localEnv';

export const PROGRAMME_DRAFT: ProgrammeDraftInput = {
  title: '2027年“红色教育进学院”六个一活动',
  year: 2027,
  startsAt: '2026-12-31T16:00:00.000Z',
  endsAt: '2027-12-31T16:00:00.000Z',
  items: [
    { key: 'book', title: '阅读一本红色教育书籍', evidence: ['selfReport'] },
    { key: 'reflection', title: '撰写一篇红色教育心得', evidence: ['story'] },
  ],
  branchQuotas: [{ key: 'lessonVideo', label: '党课视频', source: { type: 'story', kind: 'lessonVideo' }, count: 1 }],
  studyHoursTarget: 12,
  points: DEFAULT_POINTS,
};

/** A photo the member's phone uploaded to cloud storage. */
export function storedPhoto(env: TestEnv, owner: string, name = 'photo'): string {
  return env.files.put(`self-reports/${owner}/${name}.jpg`, Buffer.from([0xff, 0xd8, 0xff, 0xd9]), { side: 'client', openid: owner });
}

export async function documentsOf<T>(collection: string, filter: Record<string, unknown> = {}): Promise<T[]> {
  const reply = (await cloud.database().collection(collection).where(filter).limit(1000).get()) as unknown as { data: T[] };
  return reply.data;
}

export async function documentOf<T>(collection: string, id: string): Promise<T | undefined> {
  const [doc] = await documentsOf<T>(collection, { _id: id });
  return doc;
}
