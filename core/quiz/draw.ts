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

function matches(rule: DrawRule, q: Pick<PoolQuestion, 'category' | 'difficulty'>): boolean {
  return (
    (rule.category === undefined || rule.category === q.category) && (rule.difficulty === undefined || rule.difficulty === q.difficulty)
  );
}

/**
 * Picks `count` distinct questions per rule and returns their ids grouped in rule order (so an
 * admin can put easy rules first), each group in random order. Every question of the pool that
 * some rule can use has the same chance as any other that the same rules can use.
 */
export function drawQuestions(pool: readonly PoolQuestion[], rules: readonly DrawRule[], rng: Rng): string[] {
  // A bank imported twice can list an id twice; the first copy is the one drawn.
  const byId = new Map<string, PoolQuestion>();
  for (const q of pool) if (!byId.has(q.id)) byId.set(q.id, q);
  return assignInOrder(shuffle([...byId.values()], rng), rules);
}

/** Which rules a question can serve: questions with the same signature are interchangeable in a draw. */
export function ruleSignature(rules: readonly DrawRule[], q: Pick<PoolQuestion, 'category' | 'difficulty'>): boolean[] {
  return rules.map((rule) => matches(rule, q));
}

/** The most questions of one signature any draw can use: the counts of the rules it serves. */
export function classCap(rules: readonly DrawRule[], signature: readonly boolean[]): number {
  return rules.reduce((sum, rule, index) => sum + (signature[index] ? rule.count : 0), 0);
}

/**
 * The questions of one signature (see ruleSignature): how many the pool holds, and a uniformly
 * random subset of at most `classCap` of them, as a database `$sample` returns it.
 */
export interface SampledClass {
  size: number;
  sample: readonly PoolQuestion[];
}

/**
 * The same draw as `drawQuestions` over the whole pool, from per-class samples: the order in which
 * a full shuffle would meet each class is replayed by picking the next class with probability
 * (its questions not yet met) / (all not yet met), and each class meets its own sample in random
 * order. A draw only ever uses the first `classCap` questions a shuffle meets in a class (a rule
 * takes the earliest free question it can use, and questions of one class are interchangeable),
 * so the questions past the sample change nothing — every question in the pool keeps exactly the
 * chance it has in `drawQuestions`, however large the class.
 */
export function drawFromSample(classes: readonly SampledClass[], rules: readonly DrawRule[], rng: Rng): string[] {
  const queues = classes.map((group) => shuffle(group.sample, rng));
  const unmet = classes.map((group, index) => (queues[index]!.length > 0 ? Math.max(group.size, queues[index]!.length) : 0));
  let unmetTotal = unmet.reduce((sum, count) => sum + count, 0);
  const order: PoolQuestion[] = [];
  while (unmetTotal > 0) {
    let pick = Math.floor(rng() * unmetTotal);
    let index = 0;
    while (pick >= unmet[index]!) pick -= unmet[index++]!;
    const queue = queues[index]!;
    order.push(queue.shift()!);
    // A class whose sample is used up takes no further part: meeting its unsampled questions would
    // change nothing, and leaving them out keeps the other classes' relative order as it was.
    const left = queue.length === 0 ? 0 : unmet[index]! - 1;
    unmetTotal -= unmet[index]! - left;
    unmet[index] = left;
  }
  return assignInOrder(order, rules);
}

/**
 * Assigns questions, met in the given order, to the rules: a matching of rules (capacity `count`)
 * to questions, because taking questions rule by rule greedily can fail when rules overlap even
 * though a valid draw exists (rule 0 "any 2" may grab the only two 长征 questions rule 1 needs).
 * A rule takes the earliest free question it can use, otherwise one held by another rule that can
 * itself take another instead (an augmenting path). Throws only when no draw at all satisfies
 * every rule.
 */
function assignInOrder(questions: readonly PoolQuestion[], rules: readonly DrawRule[]): string[] {
  rules.forEach((rule, i) => {
    if (!Number.isInteger(rule.count) || rule.count < 0) throw new RangeError(`rule ${i}: count must be a non-negative integer`);
  });
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
