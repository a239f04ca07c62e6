import type { z } from 'zod';
import { activityContract } from './activity';
import { brandContract } from './brand';
import { checkinContract } from './checkin';
import type { TimerFunctionName } from './cron';
import { memberContract } from './member';
import { quizContract } from './quiz';
import { programmeContract } from './programmes';
import { progressContract } from './stats';
import { storyContract } from './story';

/**
 * Every callable function and action with its input and output schema.
 * The app's caller and the functions' routers are both typed from this one table.
 */
export const contracts = {
  member: memberContract,
  activity: activityContract,
  quiz: quizContract,
  checkin: checkinContract,
  story: storyContract,
  stats: { ...progressContract, ...programmeContract, ...brandContract },
};

export type Contracts = typeof contracts;
export type FunctionName = keyof Contracts;
/** Every deployed function: the callable ones and those a timer starts (cron). */
export type DeployedFunctionName = FunctionName | TimerFunctionName;
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string;
type ActionContract<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends {
  input: z.ZodType;
  output: z.ZodType;
}
  ? Contracts[F][A]
  : never;
/** What the caller passes: defaults may be omitted. */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<ActionContract<F, A>['input']>;
/** What the handler receives after parsing. */
export type ParsedInput<F extends FunctionName, A extends ActionName<F>> = z.output<ActionContract<F, A>['input']>;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.output<ActionContract<F, A>['output']>;
