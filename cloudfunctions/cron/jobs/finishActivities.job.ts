import type { TimerJob } from '../../../server/kernel/timer';
import { finishEnded } from '../activities.repository';

/** Published activities whose end has passed become 'finished' (one conditional update, so re-runs move nothing twice). */
export const finishActivities: TimerJob = {
  name: 'finishActivities',
  async run({ db, now }) {
    return { finished: await finishEnded(db, now) };
  },
};
