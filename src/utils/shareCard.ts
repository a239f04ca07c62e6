/**
 * Share cards are drawn, not screenshotted: WeChat shows a shared page's image at 5:4, and a
 * drawn card keeps the branch name legible in a busy group chat. Layout is a pure function of the
 * data and a text measurer (the canvas's own, so wrapping matches what gets painted).
 */

/** Logical size of every card; exported images are drawn at CARD_PIXEL_RATIO times this. */
export const CARD_WIDTH = 500;
export const CARD_HEIGHT = 400;
export const CARD_PIXEL_RATIO = 2;

const BRAND_RED = '#C8161D';
const TEXT_STRONG = '#1F1F1F';
/** ≥ 4.5:1 on white. */
const TEXT_MUTED = '#595959';
const DIVIDER_COLOR = '#F0F0F0';
const FONT_FAMILY = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
const PADDING = 32;
const ELLIPSIS = '…';

export type DrawOp =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; color: string }
  | { kind: 'text'; text: string; x: number; y: number; font: string; color: string };

export type MeasureText = (text: string, font: string) => number;

function font(size: number, weight: 'normal' | 'bold' = 'normal'): string {
  return `${weight} ${size}px ${FONT_FAMILY}`;
}

/**
 * Breaks text into at most `maxLines` lines no wider than `maxWidth`, character by character
 * (Chinese has no spaces to break at); the last line ends in an ellipsis when text is left over.
 */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let rest = [...text];
  while (rest.length > 0 && lines.length < maxLines) {
    let take = rest.length;
    while (take > 1 && measure(rest.slice(0, take).join('')) > maxWidth) take--;
    let line = rest.slice(0, take).join('');
    rest = rest.slice(take);
    if (lines.length === maxLines - 1 && rest.length > 0) {
      let kept = [...line];
      while (kept.length > 1 && measure(kept.join('') + ELLIPSIS) > maxWidth) kept = kept.slice(0, -1);
      line = kept.join('') + ELLIPSIS;
    }
    lines.push(line);
  }
  return lines;
}

export interface InviteCardData {
  branchName: string;
  code: string;
  /** Already formatted for people, e.g. `11月30日 周一 10:00`. */
  expiresAt: string;
  maxUses: number;
}

/** `ABCD EFGH`: two groups of four are easier to read out and type. */
function spacedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** What every card shares: white ground, the 党建红 band with the app's name and a headline in it. */
function cardFrame(headline: string): DrawOp[] {
  return [
    { kind: 'rect', x: 0, y: 0, width: CARD_WIDTH, height: CARD_HEIGHT, color: '#FFFFFF' },
    { kind: 'rect', x: 0, y: 0, width: CARD_WIDTH, height: 140, color: BRAND_RED },
    { kind: 'text', text: '红途 · 党支部学习', x: PADDING, y: 50, font: font(22), color: '#FFFFFF' },
    { kind: 'text', text: headline, x: PADDING, y: 108, font: font(40, 'bold'), color: '#FFFFFF' },
  ];
}

const CONTENT_WIDTH = CARD_WIDTH - 2 * PADDING;

/** Up to two lines of large bold text under the band, the card's subject (branch, activity title); `top` is the first baseline. */
function subjectLines(text: string, size: number, top: number, lineHeight: number, measure: MeasureText): DrawOp[] {
  const subjectFont = font(size, 'bold');
  return wrapText(text, CONTENT_WIDTH, 2, (line) => measure(line, subjectFont)).map((line, index) => ({
    kind: 'text',
    text: line,
    x: PADDING,
    y: top + index * lineHeight,
    font: subjectFont,
    color: TEXT_STRONG,
  }));
}

function oneLine(text: string, fontSpec: string, measure: MeasureText): string {
  return wrapText(text, CONTENT_WIDTH, 1, (line) => measure(line, fontSpec))[0] ?? '';
}

export function layoutInviteCard(card: InviteCardData, measure: MeasureText): DrawOp[] {
  const factsFont = font(20);
  return [
    ...cardFrame('邀请你加入'),
    ...subjectLines(card.branchName, 40, 205, 52, measure),
    { kind: 'rect', x: PADDING, y: 290, width: CONTENT_WIDTH, height: 2, color: DIVIDER_COLOR },
    { kind: 'text', text: `邀请码  ${spacedCode(card.code)}`, x: PADDING, y: 335, font: font(26, 'bold'), color: BRAND_RED },
    {
      kind: 'text',
      text: oneLine(`${card.expiresAt} 前有效 · 限 ${card.maxUses} 人`, factsFont, measure),
      x: PADDING,
      y: 372,
      font: factsFont,
      color: TEXT_MUTED,
    },
  ];
}

export interface ActivityCardData {
  kindLabel: string;
  title: string;
  /** Already formatted for people, e.g. `11月28日 周六 14:30–16:30`. */
  time: string;
  place: string;
  /** `剩余 3 个名额`, `名额已满·可候补` …, drawn in 党建红 so it is the first thing read in a busy chat. */
  seats: string;
}

export function layoutActivityCard(card: ActivityCardData, measure: MeasureText): DrawOp[] {
  const factsFont = font(22);
  return [
    ...cardFrame(card.kindLabel),
    ...subjectLines(card.title, 34, 188, 46, measure),
    { kind: 'rect', x: PADDING, y: 262, width: CONTENT_WIDTH, height: 2, color: DIVIDER_COLOR },
    { kind: 'text', text: oneLine(`时间  ${card.time}`, factsFont, measure), x: PADDING, y: 300, font: factsFont, color: TEXT_MUTED },
    { kind: 'text', text: oneLine(`地点  ${card.place}`, factsFont, measure), x: PADDING, y: 336, font: factsFont, color: TEXT_MUTED },
    { kind: 'text', text: card.seats, x: PADDING, y: 376, font: font(26, 'bold'), color: BRAND_RED },
  ];
}

export interface StoryCardData {
  kindLabel: string;
  /** The title, or the start of an untitled work's text. */
  title: string;
  authorName: string;
  branchName: string;
  /** `一等奖`, `已推荐`, `★ 4.6 · 23 人评议` …: what the work has earned, drawn in 党建红; null when nothing yet. */
  highlight: string | null;
}

export function layoutStoryCard(card: StoryCardData, measure: MeasureText): DrawOp[] {
  const factsFont = font(22);
  return [
    ...cardFrame(card.kindLabel),
    ...subjectLines(card.title, 34, 188, 46, measure),
    { kind: 'rect', x: PADDING, y: 262, width: CONTENT_WIDTH, height: 2, color: DIVIDER_COLOR },
    {
      kind: 'text',
      text: oneLine(`作者  ${card.authorName} · ${card.branchName}`, factsFont, measure),
      x: PADDING,
      y: 306,
      font: factsFont,
      color: TEXT_MUTED,
    },
    {
      kind: 'text',
      text: oneLine(card.highlight ?? '点开阅读全文', font(26, 'bold'), measure),
      x: PADDING,
      y: 364,
      font: font(26, 'bold'),
      color: BRAND_RED,
    },
  ];
}

/** The slice of CanvasRenderingContext2D that both weapp's canvas 2d and the browser's provide. */
export interface Canvas2D {
  font: string;
  fillStyle: unknown;
  textBaseline: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

export function canvasMeasurer(context: Canvas2D): MeasureText {
  return (text, fontSpec) => {
    context.font = fontSpec;
    return context.measureText(text).width;
  };
}

export function paint(context: Canvas2D, ops: DrawOp[]): void {
  context.textBaseline = 'alphabetic';
  for (const op of ops) {
    context.fillStyle = op.color;
    if (op.kind === 'rect') {
      context.fillRect(op.x, op.y, op.width, op.height);
    } else {
      context.font = op.font;
      context.fillText(op.text, op.x, op.y);
    }
  }
}
