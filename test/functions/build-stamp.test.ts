/** `npm start` rebuilds the H5 app exactly when its build is older than the sources (scripts/buildStamp.ts). */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stampInputs, staleBuildReason, writeStamp } from '../../scripts/buildStamp';

const INPUTS = ['src', 'types', 'package.json'];
let root: string;
let built: string;
let stampFile: string;

function write(path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** What `npm start` does after a successful build: the build marker and the stamp of its inputs. */
function build(): void {
  write('dist/h5/index.html', '<html></html>');
  writeStamp(stampFile, stampInputs(root, INPUTS));
}

const reason = () => staleBuildReason(built, stampFile, stampInputs(root, INPUTS));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hongtu-stamp-'));
  built = join(root, 'dist/h5/index.html');
  stampFile = join(root, 'dist/h5.inputs.json');
  write('src/app.tsx', 'app');
  write('src/pages/home/index.tsx', 'home');
  write('types/errors.ts', 'errors');
  write('package.json', '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('H5 构建是否比源码旧', () => {
  it('从没构建过时要构建', () => {
    expect(reason()).toBe('还没有构建过');
  });

  it('构建之后源码没变就不重建，哪怕文件时间变了', () => {
    build();
    utimesSync(join(root, 'src/app.tsx'), new Date(), new Date(Date.now() + 60_000));
    expect(reason()).toBeUndefined();
  });

  it.each([
    ['改了一个页面', () => write('src/pages/home/index.tsx', 'home v2'), 'src/pages/home/index.tsx'],
    ['新增一个文件', () => write('src/pages/me/index.tsx', 'me'), 'src/pages/me/index.tsx'],
    ['删掉一个文件', () => rmSync(join(root, 'types/errors.ts')), 'types/errors.ts'],
    ['改了依赖清单', () => write('package.json', '{"x":1}'), 'package.json'],
  ])('%s就重建，并说出是哪个文件', (_title, change, path) => {
    build();
    change();
    expect(reason()).toBe(`源码有改动：${path}`);
  });

  it('改动很多时只列前三个和总数', () => {
    build();
    for (const name of ['a', 'b', 'c', 'd', 'e']) write(`src/${name}.ts`, name);
    expect(reason()).toBe('源码有改动：src/a.ts、src/b.ts、src/c.ts 等 5 个文件');
  });

  it('组件测试不进构建，改它不重建', () => {
    build();
    write('src/pages/home/__test__/home.test.tsx', 'test');
    expect(reason()).toBeUndefined();
  });

  it('有构建却没有源码记录（手动构建）时重建一次，以免用到旧版本', () => {
    write('dist/h5/index.html', '<html></html>');
    expect(reason()).toMatch(/没有这次构建的源码记录/);
  });
});
