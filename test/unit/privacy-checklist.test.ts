/**
 * The 用户隐私保护指引 stays true (types/privacy.ts): every private-info API the app calls has its
 * entry, no entry is declared for an API the app no longer calls, app.json declares the location API
 * it uses, and the README's review checklist is the generated one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUIRED_PRIVATE_INFO_APIS, scanPrivateInfoUses } from '../../scripts/deploy/privacyApis';
import {
  appPrivateInfoUses,
  checklistIn,
  loadAppConfig,
  README,
  reviewChecklist,
  withoutLayout,
} from '../../scripts/deploy/reviewChecklist';
import { PRIVACY_API_ENTRIES } from '../../types/privacy';

const uses = appPrivateInfoUses();
const declared = new Set(PRIVACY_API_ENTRIES.map((entry) => entry.key));

describe('隐私保护指引与代码一致', () => {
  it('代码用到的每个隐私接口都在指引里声明了', () => {
    const undeclared = uses.filter((use) => !declared.has(use.key)).map((use) => `${use.what}（${use.key}）@ ${use.where}`);
    expect(undeclared).toEqual([]);
  });

  it('指引里声明的每一项都还有代码在用', () => {
    const used = new Set(uses.map((use) => use.key));
    expect([...declared].filter((key) => !used.has(key))).toEqual([]);
  });

  it('用到的位置接口都写进了 requiredPrivateInfos，没用到的没有写', () => {
    const locationApis = [...new Set(uses.map((use) => use.what).filter((api) => REQUIRED_PRIVATE_INFO_APIS.includes(api)))].sort();
    expect([...(loadAppConfig().requiredPrivateInfos ?? [])].sort()).toEqual(locationApis);
  });

  it('README 的提审清单就是由代码生成的那一份（npm run privacy-checklist 更新）', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withoutLayout(checklistIn(readme))).toBe(withoutLayout(reviewChecklist(uses, loadAppConfig())));
  });
});

describe('扫描能发现新用到的隐私接口', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hongtu-privacy-'));
    mkdirSync(join(root, 'src', 'pages', '__test__'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('一处 Taro.chooseLocation 和一个获取手机号按钮被认出，测试文件里的不算', () => {
    writeFileSync(
      join(root, 'src', 'pages', 'map.tsx'),
      "const pick = () => Taro.chooseLocation({});\n<Button openType='getPhoneNumber' />\n",
    );
    writeFileSync(join(root, 'src', 'pages', '__test__', 'map.test.tsx'), 'Taro.getClipboardData();\n');
    expect(scanPrivateInfoUses(join(root, 'src'), root)).toEqual([
      { key: 'ChooseLocation', what: 'chooseLocation', where: 'src/pages/map.tsx:1' },
      { key: 'PhoneNumber', what: 'open-type="getPhoneNumber"', where: 'src/pages/map.tsx:2' },
    ]);
  });

  it('未声明的接口会让“都已声明”这一条失败', () => {
    writeFileSync(join(root, 'src', 'pages', 'contact.ts'), 'wx.addPhoneContact({ firstName: "书记" });\n');
    const found = scanPrivateInfoUses(join(root, 'src'), root);
    expect(found.filter((use) => !declared.has(use.key)).map((use) => use.key)).toEqual(['Contact']);
  });
});
