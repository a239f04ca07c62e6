/**
 * Every callable function has both contract tables (test/support/contractTables.ts): a function
 * added to types/contracts without them fails here, before any of its actions can land untested.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contracts } from '../../types/contracts';

const FUNCTION_TESTS = join(__dirname, '..', 'functions');

function tableCalls(helper: string): Set<string> {
  const called = new Set<string>();
  for (const file of readdirSync(FUNCTION_TESTS).filter((name) => name.endsWith('.test.ts'))) {
    const source = readFileSync(join(FUNCTION_TESTS, file), 'utf8');
    for (const match of source.matchAll(new RegExp(`${helper}\\(\\s*'(\\w+)'`, 'g'))) called.add(match[1]!);
  }
  return called;
}

const functionNames = Object.keys(contracts).sort();

it.each(functionNames)('%s 有权限矩阵', (name) => {
  expect(tableCalls('describePermissionMatrix')).toContain(name);
});

it.each(functionNames)('%s 有错误输入表', (name) => {
  expect(tableCalls('describeBadInputTable')).toContain(name);
});
