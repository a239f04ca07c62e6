import { drawFromSample, type Rng } from '../../core/quiz';
import type { ContestDrawRule } from '../../server/documents';
import type { Database } from '../../server/kernel/db';
import { sampleDrawClasses, type DrawnQuestion } from './repository';

/**
 * A draw by the rules from the whole bank, fair however large it is, in one DB request: the
 * database samples each group of interchangeable questions, the draw weighs the groups by their
 * full sizes. Throws core's InsufficientQuestionsError when the bank cannot satisfy the rules.
 */
export async function drawFromBank(db: Database, rules: readonly ContestDrawRule[], rng: Rng): Promise<DrawnQuestion[]> {
  const classes = await sampleDrawClasses(db, rules);
  const byId = new Map(classes.flatMap((group) => group.questions).map((question) => [question._id, question]));
  const ids = drawFromSample(
    classes.map((group) => ({
      size: group.size,
      sample: group.questions.map(({ _id, category, difficulty }) => ({ id: _id, category, difficulty })),
    })),
    rules,
    rng,
  );
  return ids.map((id) => byId.get(id)!);
}
