/**
 * A work's field limits (issue 13), shared by the story contract's schemas, core/story/rules.ts and
 * the edit page. Kept apart from the contract so the app can use them without bringing zod (about
 * 90 KB) into the mini-program: ARCHITECTURE.md, "Layers".
 */
export const MAX_STORY_TITLE = 40;
export const MAX_STORY_IMAGES = 9;
/**
 * A sanity bound on the raw text only; the limit a writer sees (e.g. 3000 字 for an article) is
 * counted as a reader counts (core/story/wordCount.ts) and checked by core/story/rules.ts.
 */
export const MAX_STORY_BODY_CODE_UNITS = 20_000;
