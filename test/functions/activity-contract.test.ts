/**
 * The activity function's contract tables: who may call each action (the exact outcome per caller)
 * and how each refuses malformed input.
 */
import { useServerClock } from '../support/clock';
import { ANY_MEMBER, describeBadInputTable, describePermissionMatrix, INJECTION, SCRIPT } from '../support/contractTables';
import { createTestEnv, type TestEnv } from '../support/localEnv';

const clock = useServerClock(new Date('2026-11-23T02:00:00Z'));
let env: TestEnv;

beforeEach(() => {
  clock.set(new Date('2026-11-23T02:00:00Z'));
  env = createTestEnv({ now: clock.now() });
});

describePermissionMatrix('activity', [['list', async () => ({}), ANY_MEMBER]], () => createTestEnv({ now: clock.now() }));

describeBadInputTable(
  'activity',
  {
    list: {
      caller: 'demo-member',
      cases: [
        ['未知范围', { scope: 'past' }, 'scope'],
        ['每页为 0', { pageSize: 0 }, 'pageSize'],
        ['类型错误', { pageSize: '20' }, 'pageSize'],
        ['过长游标', { cursor: 'c'.repeat(201) }, 'cursor'],
        ['注入', { cursor: INJECTION }, 'cursor'],
        ['脚本键', { [SCRIPT]: 1 }, SCRIPT],
      ],
    },
  },
  () => env,
);
