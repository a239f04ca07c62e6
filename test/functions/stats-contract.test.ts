/**
 * The stats function's contract tables: who may call each action (the exact outcome per kind of
 * caller) and how each refuses malformed input (INVALID_INPUT naming the field, nothing written).
 * The progress actions' rows are stats-progress.cases.ts, the programme, self-report, reminder and
 * 台账 actions' rows stats-programmes.cases.ts, the 四红 actions' rows brand.cases.ts.
 */
import { seedProgrammeId } from '../../emulator/seed/programme';
import { useServerClock } from '../support/clock';
import { describeBadInputTable, describePermissionMatrix } from '../support/contractTables';
import { createTestEnv } from '../support/localEnv';
import { BRAND_BAD_INPUT, BRAND_PERMISSION_CASES } from './brand.cases';
import { PROGRAMME_BAD_INPUT, PROGRAMME_PERMISSION_CASES } from './stats-programmes.cases';
import { PROGRESS_BAD_INPUT, PROGRESS_PERMISSION_CASES, recomputeCase } from './stats-progress.cases';

const NOW = new Date('2026-11-23T02:00:00Z');
const clock = useServerClock(NOW);

describePermissionMatrix(
  'stats',
  [...PROGRESS_PERMISSION_CASES, recomputeCase(seedProgrammeId(NOW)), ...PROGRAMME_PERMISSION_CASES, ...BRAND_PERMISSION_CASES],
  () => createTestEnv({ now: clock.now() }),
);

describeBadInputTable('stats', { ...PROGRESS_BAD_INPUT, ...PROGRAMME_BAD_INPUT, ...BRAND_BAD_INPUT }, () =>
  createTestEnv({ now: clock.now() }),
);
