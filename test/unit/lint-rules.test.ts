import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The layer rules of ARCHITECTURE.md, checked with the repo's real ESLint config on snippets at chosen paths. */

interface Snippet {
  filePath: string;
  code: string;
}

const ROOT = join(__dirname, '..', '..');
const HOUSE_RULE = /^(hongtu\/|parse-error$)/;

const DB_ACCESS = `
export async function bump(db: any, id: string) {
  const _ = db.command;
  await db.collection('invites').doc(id).update({ data: { remaining: _.inc(1) } });
}
`;

/** Every snippet is linted in one child process (ESLint's start-up dominates); each test reads its own answers. */
const snippets: Snippet[] = [];
function snippet(filePath: string, code: string): number {
  return snippets.push({ filePath, code }) - 1;
}
function importing(filePath: string, specifier: string): number {
  return snippet(filePath, `import { thing } from '${specifier}';\nexport const used = thing;\n`);
}

const cases = {
  coreImportsServer: importing('core/quiz/draw.ts', '../../server/kernel/db'),
  coreImportsFunction: importing('core/time.ts', '../cloudfunctions/quiz/repository'),
  coreImportsEmulator: importing('core/time.ts', '../emulator/runner'),
  coreImportsApp: importing('core/time.ts', '../src/services/cloud'),
  coreImportsTaro: snippet('core/time.ts', `import Taro from '@tarojs/taro';\nexport const t = Taro;\n`),
  coreRequiresSdk: snippet('core/time.ts', `export const cloud = require('wx-server-sdk');\n`),
  coreImportsServerTypes: snippet('core/time.ts', `import type { OrgDoc } from '../server/documents';\nexport type Org = OrgDoc;\n`),
  coreReexportsServer: snippet('core/index.ts', `export * from '../server/kernel/db';\n`),
  coreQueriesServerType: snippet('core/time.ts', `export type Org = import('../server/documents').OrgDoc;\n`),
  coreImportsAllowed: snippet(
    'core/quiz/draw.ts',
    `import { z } from 'zod';\nimport dayjs from 'dayjs';\nimport { ERROR_CODES } from '../../types/errors';\nimport { seededRng } from '../random';\nexport const all = [z, dayjs, ERROR_CODES, seededRng];\n`,
  ),
  coreImportsOwnFolderNamedServer: importing('core/quiz/draw.ts', './server'),
  typesImportsServer: importing('types/contracts/quiz.ts', '../../server/documents'),
  appImportsServer: importing('src/pages/me/index.tsx', '../../../server/kernel/db'),
  appImportsFunction: importing('src/pages/me/index.tsx', '../../../cloudfunctions/member/router'),
  appImportsEmulator: importing('src/services/gatewayTransport.ts', '../../emulator/gateway'),
  appRequiresEmulatorInBranch: snippet(
    'src/services/cloud.ts',
    `export const t = process.env.TARO_ENV === 'h5' ? require('../../emulator/gateway') : null;\n`,
  ),
  appImportsAllowed: snippet(
    'src/pages/me/index.tsx',
    `import Taro from '@tarojs/taro';\nimport { View } from '@tarojs/components';\nimport { todayIn } from '../../../core/time';\nimport type { Result } from '../../../types/result';\nimport { callFunction } from '../../services/cloud';\nexport const all = [Taro, View, todayIn, callFunction];\nexport type R = Result<string>;\n`,
  ),
  appImportsContractValue: importing('src/admin/results/index.tsx', '../../../types/contracts/quiz'),
  appImportsContractTypes: snippet(
    'src/admin/results/index.tsx',
    `import type { StartOutput } from '../../../types/contracts/quiz';\nimport { type AttemptResult } from '../../../types/contracts/quiz';\nexport type Both = [StartOutput, AttemptResult];\n`,
  ),
  appTestImportsContractValue: importing('src/admin/__test__/results.test.tsx', '../../../types/contracts/quiz'),
  functionImportsOtherFunction: importing('cloudfunctions/quiz/handlers/start.handler.ts', '../../member/repository'),
  functionImportsOtherFunctionFromRoot: importing('cloudfunctions/quiz/index.ts', '../../cloudfunctions/member/router'),
  functionImportsOtherFunctionLazily: snippet('cloudfunctions/quiz/router.ts', `export const lazy = () => import('../member/router');\n`),
  functionImportsAllowed: snippet(
    'cloudfunctions/quiz/handlers/start.handler.ts',
    `import { findContest } from '../repository';\nimport { drawQuestions } from '../practice/practice.repository';\nimport { AppFailure } from '../../../server/kernel/failure';\nimport { seededRng } from '../../../core/random';\nimport cloud from 'wx-server-sdk';\nexport const all = [findContest, drawQuestions, AppFailure, seededRng, cloud];\n`,
  ),
  handlerTouchesDb: snippet('cloudfunctions/member/handlers/invite.handler.ts', DB_ACCESS),
  serverModuleTouchesDb: snippet('server/orgs.ts', DB_ACCESS),
  appTouchesDb: snippet('src/pages/me/index.tsx', DB_ACCESS),
  updateCommandPassedIn: snippet(
    'cloudfunctions/quiz/handlers/submit.handler.ts',
    `export const bump = (_: any) => ({ answered: _.inc(1) });\n`,
  ),
  repositoryTouchesDb: snippet('cloudfunctions/member/repository.ts', DB_ACCESS),
  namedRepositoryTouchesDb: snippet('cloudfunctions/member/roster/roster.repository.ts', DB_ACCESS),
  kernelTouchesDb: snippet('server/kernel/db.ts', DB_ACCESS),
  callerTouchesDb: snippet('server/kernel/caller.ts', DB_ACCESS),
  auditTouchesDb: snippet('server/audit.ts', DB_ACCESS),
  testTouchesDb: snippet('test/functions/member-join.test.ts', DB_ACCESS),
  emulatorTouchesDb: snippet('emulator/seed/index.ts', DB_ACCESS),
};

let houseRulesFired: string[][];

beforeAll(() => {
  const output = execFileSync(process.execPath, [join(ROOT, 'test/support/lintSnippets.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
  });
  houseRulesFired = (JSON.parse(output) as string[][]).map((ruleIds) => ruleIds.filter((ruleId) => HOUSE_RULE.test(ruleId)));
}, 60_000);

function fired(index: number): string[] {
  const ruleIds = houseRulesFired[index];
  if (!ruleIds) throw new Error(`no lint result for snippet ${index}`);
  return ruleIds;
}

describe('core/ 与 types/ 只依赖纯代码', () => {
  it('core/ 引入 server、云函数、模拟器或应用代码时报错，不论相对路径写几层', () => {
    for (const index of [cases.coreImportsServer, cases.coreImportsFunction, cases.coreImportsEmulator, cases.coreImportsApp]) {
      expect(fired(index)).toEqual(['hongtu/layer-imports']);
    }
  });

  it('core/ 引入 Taro 或 wx-server-sdk 时报错，import 与 require 都算', () => {
    expect(fired(cases.coreImportsTaro)).toEqual(['hongtu/layer-imports']);
    expect(fired(cases.coreRequiresSdk)).toEqual(['hongtu/layer-imports']);
  });

  it('只引入类型、类型里的 import() 或转出也算依赖', () => {
    expect(fired(cases.coreImportsServerTypes)).toEqual(['hongtu/layer-imports']);
    expect(fired(cases.coreReexportsServer)).toEqual(['hongtu/layer-imports']);
    expect(fired(cases.coreQueriesServerType)).toEqual(['hongtu/layer-imports']);
  });

  it('core/ 引入 types/、自身模块和普通库时不报错；判定看解析后的文件，不看路径里的字样', () => {
    expect(fired(cases.coreImportsAllowed)).toEqual([]);
    expect(fired(cases.coreImportsOwnFolderNamedServer)).toEqual([]);
  });

  it('types/ 引入 server 时报错', () => {
    expect(fired(cases.typesImportsServer)).toEqual(['hongtu/layer-imports']);
  });
});

describe('src/ 不碰服务端代码', () => {
  it('src/ 引入 server、云函数或模拟器时报错，构建分支里的 require 也算', () => {
    for (const index of [cases.appImportsServer, cases.appImportsFunction, cases.appImportsEmulator, cases.appRequiresEmulatorInBranch]) {
      expect(fired(index)).toEqual(['hongtu/layer-imports']);
    }
  });

  it('src/ 引入 Taro、core/、types/ 和自己的服务层时不报错', () => {
    expect(fired(cases.appImportsAllowed)).toEqual([]);
  });

  it('src/ 从 types/contracts 引入值（会把 zod 打进小程序包）时报错；只引类型、以及组件测试里引值不报错', () => {
    expect(fired(cases.appImportsContractValue)).toEqual(['hongtu/type-only-contracts']);
    expect(fired(cases.appImportsContractTypes)).toEqual([]);
    expect(fired(cases.appTestImportsContractValue)).toEqual([]);
  });
});

describe('云函数之间互不引用', () => {
  it('一个云函数引入另一个云函数的文件时报错，静态、动态和从根目录绕回的写法都算', () => {
    for (const index of [
      cases.functionImportsOtherFunction,
      cases.functionImportsOtherFunctionFromRoot,
      cases.functionImportsOtherFunctionLazily,
    ]) {
      expect(fired(index)).toEqual(['hongtu/no-cross-function-imports']);
    }
  });

  it('云函数引入自己目录下的文件、server/、core/ 和 SDK 时不报错', () => {
    expect(fired(cases.functionImportsAllowed)).toEqual([]);
  });
});

describe('只有仓储访问数据库', () => {
  it('处理器、server 模块和应用代码调用 .collection()、db.command 或更新指令时逐处报错', () => {
    for (const index of [cases.handlerTouchesDb, cases.serverModuleTouchesDb, cases.appTouchesDb]) {
      expect(fired(index)).toEqual([
        'hongtu/db-access-in-repositories',
        'hongtu/db-access-in-repositories',
        'hongtu/db-access-in-repositories',
      ]);
    }
  });

  it('传进来的 _ 上构建更新指令也报错', () => {
    expect(fired(cases.updateCommandPassedIn)).toEqual(['hongtu/db-access-in-repositories']);
  });

  it('repository.ts、*.repository.ts 和内核的 db、caller、audit 可以访问数据库', () => {
    for (const index of [
      cases.repositoryTouchesDb,
      cases.namedRepositoryTouchesDb,
      cases.kernelTouchesDb,
      cases.callerTouchesDb,
      cases.auditTouchesDb,
    ]) {
      expect(fired(index)).toEqual([]);
    }
  });

  it('测试与模拟器不受分层限制，可以直接读写数据库', () => {
    expect(fired(cases.testTouchesDb)).toEqual([]);
    expect(fired(cases.emulatorTouchesDb)).toEqual([]);
  });
});
