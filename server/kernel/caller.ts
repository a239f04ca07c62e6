import type { MemberDoc } from '../documents';
import { fetchOne, type Database } from './db';

export function findMemberByOpenid(db: Database, openid: string): Promise<MemberDoc | null> {
  return fetchOne<MemberDoc>(db.collection('members').where({ openid }));
}
