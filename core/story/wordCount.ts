/**
 * 字数 as a reader (and Word's 字数统计, the tool people check "≤ 3000 字" with) counts them: every
 * Chinese character, punctuation mark and emoji is one; a run of Latin letters or digits is one word;
 * whitespace is nothing. Emoji are counted as the one picture a reader sees, however many code
 * points build it (ZWJ families, flags, skin tones, keycaps). Hand-written rather than
 * Intl.Segmenter so the phone (older iOS WeChat lacks it) and the server count the same.
 */

const WHITESPACE = /\s/u;
/** Letters and digits that form words: Latin (with accents), Greek, Cyrillic, digits. */
const WORD_CHARACTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]/u;
/** Joins an apostrophe or hyphen inside a word ("don't", "covid-19") to it. */
const WORD_JOINER = /['’-]/u;
/** A decimal point or thousands separator between digits keeps a number one word ("3.5", "1,000"), as Word counts it. */
const NUMBER_JOINER = /^[.,]$/u;
const DIGIT = /^\p{Nd}$/u;
const COMBINING_MARK = /\p{M}/u;
/** A digit made a keycap emoji (1️⃣) is a picture, not part of a number. */
const EMOJI_PRESENTATION = /[\uFE0F\u20E3]/u;
const ZERO_WIDTH_JOINER = 0x200d;

function extendsCluster(codePoint: number): boolean {
  return (
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // variation selectors (emoji presentation)
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef) ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) || // skin-tone modifiers
    (codePoint >= 0xe0020 && codePoint <= 0xe007f) || // tag sequences (subdivision flags)
    codePoint === 0x20e3 || // keycap
    COMBINING_MARK.test(String.fromCodePoint(codePoint))
  );
}

function isRegionalIndicator(codePoint: number): boolean {
  return codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;
}

/** The text as user-perceived characters (grapheme clusters), enough for counting. */
export function graphemes(text: string): string[] {
  const points = Array.from(text);
  const clusters: string[] = [];
  let index = 0;
  while (index < points.length) {
    let cluster = points[index] as string;
    const first = cluster.codePointAt(0) as number;
    index += 1;
    if (isRegionalIndicator(first) && index < points.length && isRegionalIndicator(points[index]?.codePointAt(0) as number)) {
      cluster += points[index];
      index += 1;
    }
    while (index < points.length) {
      const next = points[index]?.codePointAt(0) as number;
      if (extendsCluster(next)) {
        cluster += points[index];
        index += 1;
      } else if (next === ZERO_WIDTH_JOINER && index + 1 < points.length) {
        cluster += (points[index] as string) + (points[index + 1] as string);
        index += 2;
      } else {
        break;
      }
    }
    clusters.push(cluster);
  }
  return clusters;
}

export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  const clusters = graphemes(text);
  for (const [index, cluster] of clusters.entries()) {
    const base = cluster.charAt(0);
    if (WHITESPACE.test(base)) {
      inWord = false;
    } else if (WORD_CHARACTER.test(base) && !EMOJI_PRESENTATION.test(cluster)) {
      if (!inWord) count += 1;
      inWord = true;
    } else if (inWord && WORD_JOINER.test(base)) {
      // stays inside the word
    } else if (inWord && NUMBER_JOINER.test(cluster) && DIGIT.test(clusters[index - 1] ?? '') && DIGIT.test(clusters[index + 1] ?? '')) {
      // stays inside the number
    } else {
      count += 1;
      inWord = false;
    }
  }
  return count;
}
