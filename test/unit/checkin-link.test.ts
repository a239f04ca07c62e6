import fc from 'fast-check';
import { checkinLink, readScannedCheckin } from '../../core/checkin/link';
import { encodeScene } from '../../core/scene';

const LINK_BASE = 'https://hongtu.example.com/checkin';
/** A rotating code for a generated 12-character activity id: 30 characters. */
const CODE = 'K7M2QXRTB9PA01H4ZK3FXQ0A9B7C2D';
const BASE_ID = 'base-shaoshan-01';
const code = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}[0-9A-HJKMNP-TV-Z]{18}$/);
const linkBase = fc.webUrl({ withQueryParameters: false, withFragments: false });

describe('读取扫到的签到内容', () => {
  it('签到链接读出其中的签到码', () => {
    expect(readScannedCheckin(`${LINK_BASE}?k=${CODE}`)).toEqual({ kind: 'code', code: CODE });
    expect(readScannedCheckin(`${LINK_BASE}?from=poster&k=${CODE}`)).toEqual({ kind: 'code', code: CODE });
  });

  it('微信扫普通链接二维码打开页面时给的 q（整条链接经过 URL 编码）也能读出签到码', () => {
    expect(readScannedCheckin(encodeURIComponent(`${LINK_BASE}?k=${CODE}`))).toEqual({ kind: 'code', code: CODE });
  });

  it('小程序码的页面路径带 scene=b%3D<基地号> 时读出基地', () => {
    expect(readScannedCheckin(`checkin/landing/index?scene=b%3D${BASE_ID}`)).toEqual({ kind: 'base', baseId: BASE_ID });
    expect(readScannedCheckin(`checkin/landing/index?scene=${encodeURIComponent(encodeScene({ b: BASE_ID }))}`)).toEqual({
      kind: 'base',
      baseId: BASE_ID,
    });
  });

  it('页面收到的 scene 本身（b=<基地号>，解码前后都可以）读出基地', () => {
    expect(readScannedCheckin(`b=${BASE_ID}`)).toEqual({ kind: 'base', baseId: BASE_ID });
    expect(readScannedCheckin(`b%3D${BASE_ID}`)).toEqual({ kind: 'base', baseId: BASE_ID });
  });

  it('粘贴或手输的裸码（前后带空格）读作签到码', () => {
    expect(readScannedCheckin(`  ${CODE}\n`)).toEqual({ kind: 'code', code: CODE });
  });

  it.each([
    ['空白', '   '],
    ['普通网址', 'https://example.com/news/1'],
    ['带别的参数的网址', 'https://example.com/?id=12&from=share'],
    ['邀请码的 scene', 'c=INVITE42'],
    ['活动海报的 scene', 'a=K7M2QXRTB9PA'],
    ['基地号为空的 scene', 'b='],
    ['空的签到码参数', `${LINK_BASE}?k=`],
    ['带空格的文字', '请 扫 码'],
    ['中文', '签到码'],
    ['损坏的 URL 转义', 'k%E0%A4%A'],
  ])('%s 不是签到内容', (_label, text) => {
    expect(readScannedCheckin(text)).toBeNull();
  });

  it('任意签到码生成的链接读回同一个码，经过 URL 编码的 q 形式也一样', () => {
    fc.assert(
      fc.property(linkBase, code, (base, generated) => {
        const link = checkinLink(base, generated);
        expect(readScannedCheckin(link)).toEqual({ kind: 'code', code: generated });
        expect(readScannedCheckin(encodeURIComponent(link))).toEqual({ kind: 'code', code: generated });
      }),
    );
  });
});
