/**
 * 字数 as a reader counts them (core/story/wordCount.ts), the count the 3000 字 limit is judged by:
 * each Chinese character, punctuation mark and emoji is one, however many code points the emoji is
 * built of; a Latin word or a number is one; whitespace is nothing.
 */
import fc from 'fast-check';
import { countWords, graphemes } from '../../core/story/wordCount';

const CJK = '红色教育进学院永州陈树湘长征精神代代相传';
const PUNCTUATION = '，。！？；：“”‘’（）《》、…—';
/** One picture each, built of several code points: ZWJ sequences, flags, skin tones, keycaps, a subdivision flag. */
const EMOJI = ['👨‍👩‍👧‍👦', '👩🏽‍💻', '🇨🇳', '🇬🇧', '👍🏽', '👍🏿', '1️⃣', '#️⃣', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '❤️', '😀', '🧑‍🤝‍🧑', '🏳️‍🌈'];
const LATIN_WORDS = ['Long', 'March', "don't", 'covid-19', 'café', '2026', '3.5', 'Ⅻ'];

function cjk(count: number): string {
  return Array.from({ length: count }, (_, index) => CJK[index % CJK.length]).join('');
}

describe('3000 字的边界', () => {
  it.each([2999, 3000, 3001])('%i 个汉字是 %i 字', (count) => {
    expect(countWords(cjk(count))).toBe(count);
  });

  it.each([2999, 3000, 3001])('汉字、标点与 emoji 混排，共 %i 字', (count) => {
    const mixed = `${cjk(count - 30)}${PUNCTUATION.slice(0, 17)}${EMOJI.join('')}`;
    expect(countWords(mixed)).toBe(count);
  });

  it('换行、空格、全角空格都不算字：3000 个汉字分成段落仍是 3000 字', () => {
    const paragraphs = cjk(3000).match(/.{1,100}/gu) ?? [];
    expect(countWords(paragraphs.join('\n\n　　'))).toBe(3000);
  });
});

describe('emoji：看到的一个图算一个字', () => {
  it.each(EMOJI)('%s 是 1 字', (emoji) => {
    expect(countWords(emoji)).toBe(1);
  });

  it('任意一串 emoji 的字数等于个数，也等于系统的字素切分', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EMOJI), { maxLength: 40 }), (list) => {
        const joined = list.join('');
        expect(countWords(joined)).toBe(list.length);
        expect(graphemes(joined)).toHaveLength([...segmenter.segment(joined)].length);
      }),
    );
  });
});

describe('英文与数字：一个词算一个字', () => {
  it.each([
    ['Long March', 2],
    ["don't stop", 2],
    ['covid-19', 1],
    ['2026年6月26日', 6],
    ['学习 Xi Jinping Thought 心得', 7],
    ['增长 3.5%，共 1,000 人', 8],
    ['句末的点.不连数字', 9],
    ['第1️⃣名', 3],
  ])('“%s”是 %i 字', (words, count) => {
    expect(countWords(words)).toBe(count);
  });
});

/** A piece of text and the 字 it adds, so any arrangement of pieces has a known count. */
const token = fc.oneof(
  fc.constantFrom(...CJK).map((text) => ({ text, words: 1 })),
  fc.constantFrom(...PUNCTUATION).map((text) => ({ text, words: 1 })),
  fc.constantFrom(...EMOJI).map((text) => ({ text, words: 1 })),
  // A word is closed by a space, so it never runs into the next piece.
  fc.constantFrom(...LATIN_WORDS).map((text) => ({ text: `${text} `, words: 1 })),
  fc.constantFrom(' ', '\n', '\t', '　').map((text) => ({ text, words: 0 })),
);

describe('任意混排', () => {
  it('字数等于各部分字数之和', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 200 }), (tokens) => {
        expect(countWords(tokens.map((piece) => piece.text).join(''))).toBe(tokens.reduce((sum, piece) => sum + piece.words, 0));
      }),
    );
  });

  it('各部分之间多加空白、换行，字数不变', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), fc.constantFrom(' ', '\n\n', '\t', '　'), (tokens, blank) => {
        const tight = tokens.map((piece) => piece.text).join('');
        expect(countWords(tokens.map((piece) => piece.text).join(blank))).toBe(countWords(tight));
      }),
    );
  });

  it('只有空白是 0 字', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\n', '\t', '\r', '　', '\u00a0')), (blanks) =>
        expect(countWords(blanks.join(''))).toBe(0),
      ),
    );
  });
});
