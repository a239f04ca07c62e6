/**
 * 第一党支部's own activities with the members who signed up: two that already took place, so 往期活动
 * is not empty and the footprint's activity check-ins (./checkins.ts) open a real activity, and one
 * under way when the seed is loaded, so 现场签到 can be tried at once (check-in only opens near the start).
 */
import { ORGANISER_FENCE_RADIUS_M } from '../../core/checkin/rules';
import { formatShanghai, shanghaiTimeOn } from '../../core/time';
import { signUpId, type ActivityDoc, type MemberDoc, type SignUpDoc } from '../../server/documents';
import { SEED_BRANCH_ID } from './people';

export const SEPTEMBER_LESSON_ID = 'activity-demo-september-lesson';
export const OCTOBER_THEME_DAY_ID = 'activity-demo-october-theme-day';
export const TODAY_LESSON_ID = 'activity-demo-today-lesson';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Where 第一党支部's activities are held, as the secretary's screen fenced it (零陵, gcj02). */
export const MEETING_ROOM = { latitude: 26.2215, longitude: 111.6318 };

type BranchActivityFields = Pick<ActivityDoc, '_id' | 'kind' | 'title' | 'description' | 'place' | 'startAt' | 'endAt' | 'studyHours'> &
  Pick<Partial<ActivityDoc>, 'checkinFence' | 'status'>;

/** Finished unless the fields say otherwise. */
function branchActivity(fields: BranchActivityFields, signedUpCount: number): ActivityDoc {
  const createdAt = new Date(fields.startAt.getTime() - 10 * DAY_MS);
  return {
    status: 'finished',
    ...fields,
    coverFileId: null,
    branchId: SEED_BRANCH_ID,
    audience: [SEED_BRANCH_ID],
    baseId: null,
    online: false,
    signUpOpensAt: null,
    signUpDeadline: new Date(fields.startAt.getTime() - DAY_MS),
    capacity: 30,
    waitlist: true,
    countsFor: 'lesson',
    cancelReason: null,
    signedUpCount,
    waitlistCount: 0,
    leaveCount: 0,
    cancelledCount: 0,
    createdBy: 'm-demo-secretary',
    createdAt,
    updatedAt: createdAt,
    publishedAt: createdAt,
  };
}

/**
 * When the activities are held. The past lesson's and theme day's times and titles are what the
 * footprint's check-ins are placed against; the theme day is named after the month it fell in,
 * whenever the seed is loaded.
 */
export function branchActivitySchedule(now: Date) {
  const themeDayStart = shanghaiTimeOn(now, -31, 14, 30);
  // Began on the last half hour before the seed was loaded; check-in stays open to the end.
  const todayStart = new Date(Math.floor(now.getTime() / (HOUR_MS / 2)) * (HOUR_MS / 2) - HOUR_MS / 2);
  return {
    today: { startAt: todayStart, endAt: new Date(todayStart.getTime() + 3 * HOUR_MS), studyHours: 3 },
    lesson: {
      title: '专题党课：学习陈树湘“断肠明志”的绝对忠诚',
      startAt: shanghaiTimeOn(now, -74, 14, 30),
      endAt: shanghaiTimeOn(now, -74, 16, 30),
    },
    themeDay: {
      title: `${formatShanghai(themeDayStart, 'M')}月主题党日：重温入党誓词`,
      startAt: themeDayStart,
      endAt: new Date(themeDayStart.getTime() + 2 * HOUR_MS),
      studyHours: 2,
    },
  };
}

/** Every member of the branch signed up, each a few days before the activity. */
export function seedBranchActivities(now: Date, members: MemberDoc[]): { activities: ActivityDoc[]; signUps: SignUpDoc[] } {
  const schedule = branchActivitySchedule(now);
  const attendees = members.filter((member) => member.branchId === SEED_BRANCH_ID && member.status === 'active');
  const activities = [
    branchActivity(
      {
        _id: TODAY_LESSON_ID,
        kind: 'lesson',
        title: '党课：学习党章，做合格党员',
        description: '支部书记领学党章总纲和党员的义务、权利，分组交流。到场后用手机扫描现场大屏上的签到码签到。',
        place: '党员活动室',
        status: 'published',
        ...schedule.today,
      },
      attendees.length,
    ),
    branchActivity(
      {
        _id: SEPTEMBER_LESSON_ID,
        kind: 'lesson',
        description: '支部书记讲授专题党课，结合道县陈树湘烈士事迹，交流如何在本职岗位上践行绝对忠诚。',
        place: '党员活动室',
        studyHours: null,
        ...schedule.lesson,
      },
      attendees.length,
    ),
    branchActivity(
      {
        _id: OCTOBER_THEME_DAY_ID,
        kind: 'theme_day',
        description: '全体党员重温入党誓词，预备党员谈入党初心，会后签退计入学时。',
        place: '党员活动室',
        ...schedule.themeDay,
        // Checked in with the secretary's 现场签到 code, which fenced the meeting room.
        checkinFence: { ...MEETING_ROOM, radiusM: ORGANISER_FENCE_RADIUS_M, source: 'organiser' },
      },
      attendees.length,
    ),
  ];
  const signUps = activities.flatMap((activity) =>
    attendees.map((member, index): SignUpDoc => {
      const signedUpAt = new Date(activity.startAt.getTime() - (2 + (index % 4)) * DAY_MS - index * 37 * 60_000);
      return {
        _id: signUpId(activity._id, member._id),
        activityId: activity._id,
        memberId: member._id,
        branchId: member.branchId,
        name: member.name,
        status: 'signed',
        signedUpAt,
        updatedAt: signedUpAt,
        leaveReason: null,
        addedBy: null,
        subscribeCredits: 0,
      };
    }),
  );
  return { activities, signUps };
}
