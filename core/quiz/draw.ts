import { shuffle, type Rng } from '../random';

export type Difficulty = 1 | 2 | 3;

export interface PoolQuestion {
  id: string;
  category: string;
  difficulty: Difficulty;
}

/** An omitted category or difficulty matches any; rules may overlap ("3 长征" + "10 of anything"). */
export interface DrawRule {
  category?: string;
  difficulty?: Difficulty;
  count: number;
}

/** The bank cannot satisfy the contest's rules; the admin needs to know which rule to relax. */
export class InsufficientQuestionsError extends Error {
  override readonly name = 'InsufficientQuestionsError';

  constructor(
    /** Index into the rules array, 0-based. */
    readonly ruleIndex: number,
    readonly needed: number,
    /** Questions in the pool matching this rule alone; can exceed `needed` when overlapping rules compete for them. */
    readonly matching: number,
  ) {
    super(
      matching < needed
        ? `第 ${ruleIndex + 1} 条抽题规则需要 ${needed} 题，题库中只有 ${matching} 道符合条件`
        : `第 ${ruleIndex + 1} 条抽题规则需要 ${needed} 题，符合条件的 ${matching} 题已被其他规则占用，不够分配`,
    );
  }
}

/** The categories a draw needs, or null when some rule draws from every category. */
export function ruleCategories(rules: readonly DrawRule[]): string[] | null {
  if (rules.some((rule) => rule.category === undefined)) return null;
  return [...new Set(rules.flatMap((rule) => rule.category ?? []))];
}

function matches(rule: DrawRule, q: PoolQuestion): boolean {
  return (rule.category === undefined || rule.category === q.category) && (rule.difficulty === undefined || rule.difficulty === q.difficulty);
}

/**
 * Picks `count` distinct questions per rule and returns their ids grouped in rule order (so an
 * admin can put easy rules first), each group in random order.
 *
 * Taking questions rule by rule greedily can fail when rules overlap even though a valid draw
 * exists (rule 0 "any 2" may grab the only two 长征 questions rule 1 needs), so the draw is a
 * matching of rules (capacity `count`) to questions: a rule takes a free question when it has
 * one, otherwise it takes one held by another rule that can itself take another instead
 * (an augmenting path). It throws only when no draw at all satisfies every rule.
 */
export function drawQuestions(pool: readonly PoolQuestion[], rules: readonly DrawRule[], rng: Rng): string[] {
  rules.forEach((rule, i) => {
    if (!Number.isInteger(rule.count) || rule.count < 0) throw new RangeError(`rule ${i}: count must be a non-negative integer`);
  });

  // A bank imported twice can list an id twice; the first copy is the one drawn.
  const byId = new Map<string, PoolQuestion>();
  for (const q of pool) if (!byId.has(q.id)) byId.set(q.id, q);
  const questions = shuffle([...byId.values()], rng);
  const candidates = rules.map((rule) => questions.flatMap((q, qi) => (matches(rule, q) ? [qi] : [])));

  /** Index of the rule holding each question, -1 when free. */
  const holder = new Array<number>(questions.length).fill(-1);
  // Augmenting only moves a held question between rules, never frees it, so each rule's scan
  // for free candidates can resume where it stopped.
  const cursor = rules.map(() => 0);

  const freeCandidate = (ri: number): number | undefined => {
    const own = candidates[ri] as number[];
    let c = cursor[ri] as number;
    while (c < own.length && holder[own[c] as number] !== -1) c++;
    cursor[ri] = c;
    return own[c];
  };

  // Recursion depth is bounded by the number of rules: each rule is visited once per path search.
  const augment = (ri: number, visited: boolean[]): boolean => {
    visited[ri] = true;
    const free = freeCandidate(ri);
    if (free !== undefined) {
      holder[free] = ri;
      return true;
    }
    for (const qi of candidates[ri] as number[]) {
      const other = holder[qi] as number;
      if (other !== ri && !visited[other] && augment(other, visited)) {
        holder[qi] = ri;
        return true;
      }
    }
    return false;
  };

  rules.forEach((rule, ri) => {
    for (let k = 0; k < rule.count; k++) {
      if (!augment(ri, new Array<boolean>(rules.length).fill(false))) {
        throw new InsufficientQuestionsError(ri, rule.count, (candidates[ri] as number[]).length);
      }
    }
  });

  const drawn = rules.map((): string[] => []);
  questions.forEach((q, qi) => {
    const ri = holder[qi] as number;
    if (ri !== -1) (drawn[ri] as string[]).push(q.id);
  });
  return drawn.flat();
}
