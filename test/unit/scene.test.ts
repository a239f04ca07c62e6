import fc from 'fast-check';
import { encodeScene, isValidScene, MAX_SCENE_LENGTH, parseScene } from '../../core/scene';

describe('小程序码 scene', () => {
  it('写入的字段经页面收到的 URL 编码后原样读回', () => {
    const key = fc.stringMatching(/^[a-z]{1,3}$/);
    const value = fc.stringMatching(/^[0-9A-Z]{1,8}$/);
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 2 }), (fields) => {
        const scene = encodeScene(fields);
        expect(scene.length).toBeLessThanOrEqual(MAX_SCENE_LENGTH);
        expect(parseScene(encodeURIComponent(scene))).toEqual(fields);
      }),
    );
  });

  it('超过 32 个字符或含平台不接受的字符时在写入处报错', () => {
    expect(() => encodeScene({ c: 'A'.repeat(31) })).toThrow(RangeError);
    expect(() => encodeScene({ c: '红色' })).toThrow(RangeError);
    expect(() => encodeScene({ c: 'a%20b' })).toThrow(RangeError);
    expect(isValidScene('c=ABCDEFGH')).toBe(true);
    expect(isValidScene('')).toBe(false);
  });

  it('坏的转义按原文读取，没有等号的片段被忽略', () => {
    expect(parseScene('c=AB%E0CD')).toEqual({ c: 'AB%E0CD' });
    expect(parseScene('junk&c=ABCDEFGH&=x')).toEqual({ c: 'ABCDEFGH' });
  });
});
