import cloud from 'wx-server-sdk';
import * as z from 'zod';
import { fetchAllPages } from '../../server/kernel/db';
import { dispatch } from '../../server/kernel/dispatch';
import type { Logger } from '../../server/kernel/log';
import { allow, anyone, type Router } from '../../server/kernel/router';
import { createTestEnv } from '../support/localEnv';

const env = createTestEnv();

interface LoggedLine {
  level: string;
  event: string;
  fields?: Record<string, unknown>;
}

function recordingLogger(lines: LoggedLine[]): Logger {
  const push = (level: string) => (event: string, fields?: Record<string, unknown>) => lines.push({ level, event, fields });
  return { info: push('info'), warn: push('warn'), error: push('error') };
}

/** A router built by hand so the kernel is tested apart from any one function's rules. */
const probeRouter: Router = {
  name: 'member',
  entries: new Map([
    [
      'write',
      {
        schemas: {
          input: z.object({ title: z.string().min(2).max(10), count: z.number().int() }).strict(),
          output: z.object({ id: z.string() }),
        },
        route: anyone(async (input: unknown, ctx) => {
          const { title } = input as { title: string };
          const added = (await ctx.db.collection('audit_logs').add({ data: { title, at: ctx.now } })) as { _id: string };
          return { id: added._id, secretField: 'leaks if not stripped' };
        }),
      },
    ],
    [
      'adminOnly',
      {
        schemas: { input: z.object({}).strict(), output: z.object({ done: z.boolean() }) },
        route: allow(['org_admin'], async () => ({ done: true })),
      },
    ],
    [
      'explode',
      {
        schemas: { input: z.object({}).strict(), output: z.object({}) },
        route: anyone(async () => {
          throw new Error('connection string mongodb://secret@host');
        }),
      },
    ],
  ]),
};

/** `null` stands for a call without any OPENID (a default parameter would swallow `undefined`). */
async function run(event: unknown, openid: string | null = 'demo-member', lines: LoggedLine[] = []) {
  return dispatch(probeRouter, event, {
    db: cloud.database(),
    openid: openid ?? undefined,
    now: new Date('2026-11-23T08:00:00Z'),
    requestId: 'req-test',
    log: recordingLogger(lines),
  });
}

describe('函数内核：路由、校验、权限与错误', () => {
  it.each([
    ['没有身份的调用', null],
    ['党员', 'demo-member'],
    ['组织部', 'demo-admin'],
  ])('未知操作对%s一律返回 INVALID_INPUT 并指明 action 字段', async (_who, openid) => {
    const result = await run({ action: 'dropDatabase', input: {} }, openid);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', field: 'action' }) });
  });

  it('缺少 action 或事件不是对象时返回 INVALID_INPUT', async () => {
    expect(await run({ input: {} })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'action' } });
    expect(await run('member.me')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('原型链上的名字（如 constructor）不被当作操作', async () => {
    expect(await run({ action: 'constructor' })).toMatchObject({ ok: false, error: { field: 'action' } });
    expect(await run({ action: '__proto__' })).toMatchObject({ ok: false, error: { field: 'action' } });
  });

  it('输入有误时指明字段、用中文说明，且数据库中什么也没写', async () => {
    const before = await env.snapshot();
    const tooShort = await run({ action: 'write', input: { title: 'x', count: 1 } });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'title' } });
    expect(tooShort.ok === false && /[\u4e00-\u9fa5]/.test(tooShort.error.message)).toBe(true);

    expect(await run({ action: 'write', input: { title: '党课', count: '1' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'count' },
    });
    expect(await run({ action: 'write', input: { title: '党课', count: 1, role: 'org_admin' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'role' },
    });
    expect(await run({ action: 'write', input: { title: { $gt: '' }, count: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'title' },
    });
    expect(await env.snapshot()).toEqual(before);
  });

  it('角色不符返回 FORBIDDEN，没有成员档案返回 UNAUTHENTICATED', async () => {
    expect(await run({ action: 'adminOnly', input: {} }, 'demo-member')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run({ action: 'adminOnly', input: {} }, 'demo-stranger')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await run({ action: 'adminOnly', input: {} }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await run({ action: 'adminOnly', input: {} }, 'demo-admin')).toEqual({ ok: true, data: { done: true } });
  });

  it('意外异常对调用方只显示 INTERNAL，细节只写进日志', async () => {
    const lines: LoggedLine[] = [];
    const result = await run({ action: 'explode', input: {} }, 'demo-member', lines);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    const logged = lines.find((line) => line.event === 'unexpected_error');
    expect(logged?.level).toBe('error');
    expect(String(logged?.fields?.message)).toContain('mongodb://secret@host');
  });

  it('返回值按输出契约裁剪，多余字段不会泄露给手机', async () => {
    const result = await run({ action: 'write', input: { title: '读书', count: 1 } });
    expect(result.ok).toBe(true);
    expect(result.ok && result.data).toEqual({ id: expect.any(String) });
  });

  it('每个请求都写一条带 action 与耗时的结构化日志', async () => {
    const lines: LoggedLine[] = [];
    await run({ action: 'adminOnly', input: {} }, 'demo-member', lines);
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'request', fields: expect.objectContaining({ action: 'adminOnly', ok: false, code: 'FORBIDDEN' }) }),
    );
  });
});

describe('fetchAllPages', () => {
  /** A query whose server answers at most `perReply` documents however many are asked for. */
  function cappedQuery(total: number, perReply: number) {
    const asked: { offset: number; limit: number }[] = [];
    const query = {
      skip: (offset: number) => ({
        limit: (limit: number) => ({
          get: async () => {
            asked.push({ offset, limit });
            const end = Math.min(total, offset + Math.min(limit, perReply));
            return { data: Array.from({ length: Math.max(0, end - offset) }, (_, i) => offset + i) };
          },
        }),
      }),
    };
    return { query, asked };
  }

  it('服务端每次少给也照样读完：读到空页才停，不把短页当作末页', async () => {
    const { query, asked } = cappedQuery(250, 100);
    const rows = await fetchAllPages<number>(query, 5_000);
    expect(rows).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(asked.map((a) => a.offset)).toEqual([0, 100, 200, 250]);
  });

  it('读满 maxDocs 即停，防止误用变成全表扫描', async () => {
    const { query } = cappedQuery(10_000, 1_000);
    expect(await fetchAllPages<number>(query, 2_500)).toHaveLength(2_500);
  });
});
