/**
 * The two contract-driven tables every function has: a permission matrix (each action × each kind
 * of caller → the exact outcome) and a bad-input table (each action × malformed inputs →
 * INVALID_INPUT naming the field, no stack, nothing written). Both assert that they cover the
 * function's whole contract, so a new action cannot land without its rows.
 */
import { contracts, type FunctionName } from '../../types/contracts';
import type { ErrorCode } from '../../types/errors';
import type { TestEnv } from './localEnv';

/** A secretary of another branch than the demo identities' 第一党支部. */
export const OTHER_SECRETARY = 'seed-member-02';
/** 陌生人 / 党员 / 本支部书记 / 外支部书记 / 组织部, in the order every outcome row lists them. */
export const CALLERS = ['demo-stranger', 'demo-member', 'demo-secretary', OTHER_SECRETARY, 'demo-admin'] as const;

/** `true` for success, else the error code the caller gets. */
export type Outcome = true | ErrorCode;
export const ANY_MEMBER: Outcome[] = ['UNAUTHENTICATED', true, true, true, true];
export const BRANCH_MANAGERS: Outcome[] = ['UNAUTHENTICATED', 'FORBIDDEN', true, 'FORBIDDEN', true];
export const ORG_ADMIN: Outcome[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', true];
/** Only the member who owns the thing (demo-member) reaches it; to anyone else it does not exist. */
export const OWNER_ONLY: Outcome[] = ['UNAUTHENTICATED', true, 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'];

/** An action, the input to call it with (prepared in a fresh environment) and each caller's outcome. */
export type PermissionCase = [action: string, prepare: (env: TestEnv) => Promise<Record<string, unknown>>, expected: Outcome[]];

function actionsOf(name: FunctionName): string[] {
  return Object.keys(contracts[name]).sort();
}

/** Every caller of every action in its own fresh environment, so one caller's success cannot change another's outcome. */
export function describePermissionMatrix(name: FunctionName, cases: PermissionCase[], freshEnv: () => TestEnv): void {
  describe(`权限矩阵：每个 ${name} 操作 × 陌生人 / 党员 / 本支部书记 / 外支部书记 / 组织部`, () => {
    it(`矩阵覆盖 ${name} 的全部操作`, () => {
      expect(cases.map(([action]) => action).sort()).toEqual(actionsOf(name));
    });

    it.each(cases)(`${name}.%s`, async (action, prepare, expected) => {
      for (const [index, openid] of CALLERS.entries()) {
        const env = freshEnv();
        const input = await prepare(env);
        const { result } = await env.call(openid, name, action as never, input);
        expect({ openid, outcome: result.ok || result.error.code }).toEqual({ openid, outcome: expected[index] });
      }
    });
  });
}

export const INJECTION = { $gt: '' };
export const SCRIPT = '<script>alert(1)</script>';

/** A label, the malformed input and the field the refusal must name. */
export type BadInputCase = [label: string, input: unknown, field: string];
/** Actions without input take none: any key is refused by name, whatever it carries. */
export const NO_INPUT: BadInputCase[] = [
  ['注入键', { $where: 'sleep(1000)' }, '$where'],
  ['脚本键值', { note: SCRIPT }, 'note'],
];

/**
 * Callers are ones the action allows, so validation (not the role check) is what refuses.
 * `env()` is the test file's environment, fresh for each test.
 */
export function describeBadInputTable(
  name: FunctionName,
  table: Record<string, { caller: string; cases: BadInputCase[] }>,
  env: () => TestEnv,
): void {
  it(`表格覆盖 ${name} 的全部操作`, () => {
    expect(Object.keys(table).sort()).toEqual(actionsOf(name));
  });

  const rows = Object.entries(table).flatMap(([action, { caller, cases }]) =>
    cases.map(([label, input, field]) => [action, label, caller, input, field] as const),
  );

  it.each(rows)(`${name}.%s %s → INVALID_INPUT（%s 调用），指明字段且不写入`, async (action, _label, caller, input, field) => {
    const { result, requests } = await env().call(caller, name, action as never, input as Record<string, unknown>);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    expect(JSON.stringify(result)).not.toMatch(/at \w+ \(|node_modules/);
    // Every database request of the call is recorded (emulator seam), so none writing means nothing was written.
    expect(requests.filter((request) => request.written > 0)).toEqual([]);
  });
}
