/**
 * 投稿 for the demo (issue 13): two campaigns — the theory-article call closing 6月26日 next year,
 * and a storytelling contest closed a fortnight ago with its awards given and 群众评议 still open —
 * a dozen approved works by members across the branches (invented writing about the local stories
 * the programme documents name), ratings, one work waiting for demo-secretary's review and one
 * returned to demo-member. Tallies and author markers are built from the works (server/campaignTally.ts),
 * as the function's increments would have left them.
 */
import { rankScore } from '../../core/story/ranking';
import { shanghaiDay } from '../../core/time';
import type { StoryAward, StoryKind } from '../../types/labels';
import { campaignTallies } from '../../server/campaignTally';
import {
  storyDoc,
  storyRatingId,
  type CampaignAuthorDoc,
  type CampaignBranchDoc,
  type CampaignDoc,
  type MemberDoc,
  type OrgDoc,
  type StoryDoc,
  type StoryRatingDoc,
} from '../../server/documents';
import { seedBases } from './bases';

export const THEORY_CAMPAIGN_ID = 'campaign-theory-articles';
export const STORY_CONTEST_ID = 'campaign-story-contest';
/** Waiting in 第一党支部's review queue. */
export const PENDING_STORY_ID = 'seed-story-pending';
/** demo-member's work the secretary sent back. */
export const RETURNED_STORY_ID = 'seed-story-returned';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const ADMIN = 'demo-admin';

function daysAgo(now: Date, days: number, hours = 0): Date {
  return new Date(now.getTime() - days * DAY_MS - hours * HOUR_MS);
}

/** Midnight in Shanghai at the start of `day` (YYYY-MM-DD): the end of the day before. */
function shanghaiMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

function campaigns(now: Date): CampaignDoc[] {
  const nextYear = Number(shanghaiDay(now).slice(0, 4)) + 1;
  const createdBy = `m-${ADMIN}`;
  return [
    {
      _id: THEORY_CAMPAIGN_ID,
      title: '红色教育理论文章征集',
      description: '围绕永州本地红色资源自拟题目撰写理论文章，不超过 3000 字，6月26日前提交；组织部择优推荐参加市级评选。',
      kinds: ['article'],
      opensAt: daysAgo(now, 30),
      // 6月26日 24:00 next year, as the programme documents set it.
      closesAt: shanghaiMidnight(`${nextYear}-06-27`),
      ratingClosesAt: shanghaiMidnight(`${nextYear}-07-11`),
      branchQuotas: [],
      awards: { first: 1, second: 2, third: 3, excellent: 5 },
      awarded: { first: 0, second: 0, third: 0, excellent: 0 },
      ratingWeight: 30,
      createdBy,
      createdAt: daysAgo(now, 32),
      updatedAt: daysAgo(now, 32),
    },
    {
      _id: STORY_CONTEST_ID,
      title: '讲好红色故事大赛',
      description: '每个党支部至少报送一部党课视频；红色故事人人可投，征集结束后组织部评奖，群众评议同步进行。',
      kinds: ['story', 'lessonVideo'],
      opensAt: daysAgo(now, 75),
      closesAt: daysAgo(now, 15),
      ratingClosesAt: new Date(now.getTime() + 15 * DAY_MS),
      branchQuotas: [{ kind: 'lessonVideo', count: 1 }],
      awards: { first: 1, second: 2, third: 3, excellent: 10 },
      awarded: { first: 1, second: 1, third: 0, excellent: 1 },
      ratingWeight: 40,
      createdBy,
      createdAt: daysAgo(now, 80),
      updatedAt: daysAgo(now, 80),
    },
  ];
}

interface WorkSeed {
  id: string;
  author: string;
  kind: StoryKind;
  campaignId: string | null;
  title: string;
  body: string;
  baseId?: string;
  /** Days before `now` it was submitted; approved a few hours later by the branch's secretary (or the org). */
  submittedDaysAgo: number;
  recommended?: boolean;
  /** Selected by the org, with this award (null: selected without one). */
  selected?: StoryAward | null;
}

const APPROVED_WORKS: WorkSeed[] = [
  {
    id: 'seed-story-ivory-chopstick',
    author: 'demo-member',
    kind: 'story',
    campaignId: STORY_CONTEST_ID,
    title: '半截象牙筷',
    body:
      '小时候听外婆讲过一双筷子的故事：红军队伍路过村子，一位战士把随身的象牙筷折成两半，一半留给借宿的老乡作记号，说革命胜利了再回来相认。' +
      '后来那位战士再也没有回来，老乡把半截筷子用红布包着，一代代传了下来。去年支部组织参观，我在展柜里又见到了类似的旧物，' +
      '忽然明白了外婆讲这个故事时为什么总要停顿一下。半截筷子留下的是约定，也是信任。今天我们讲这个故事，就是要把这份对群众的承诺接着守下去。',
    submittedDaysAgo: 40,
    recommended: true,
    selected: 'second',
  },
  {
    id: 'seed-story-wooden-board',
    author: 'seed-member-01',
    kind: 'story',
    campaignId: STORY_CONTEST_ID,
    title: '一块木板',
    body:
      '红军借了老乡家的门板搭铺过夜，第二天一早，战士们把门板原样装回，又把院子扫得干干净净。老乡后来说，队伍走了，门板上还留着写好的字条：' +
      '“借用门板一块，已归还，谢谢老乡。”一块木板，记下的是铁的纪律。我把这个故事讲给刚入党的同志听，大家都说，纪律不是挂在墙上的，是落在每一件小事上的。',
    submittedDaysAgo: 38,
  },
  {
    id: 'seed-story-two-baskets',
    author: 'seed-member-06',
    kind: 'story',
    campaignId: STORY_CONTEST_ID,
    title: '一担箩筐',
    body:
      '一担箩筐，一头挑着粮食，一头挑着伤员的药品。挑担的是村里的年轻人，他们翻山越岭把补给送到红军驻地，路上没有人叫过一声苦。' +
      '这个故事我在基地讲解员那里听了三遍，每一遍都有新的感受：军民一条心，再难的路也能走过去。宣讲时我特意带了一对旧箩筐，让大家亲手掂一掂分量。',
    submittedDaysAgo: 35,
    recommended: true,
  },
  {
    id: 'seed-story-red-army-spring',
    author: 'seed-member-02',
    kind: 'story',
    campaignId: STORY_CONTEST_ID,
    title: '红军泉的水',
    body:
      '双牌有一眼泉，当地人叫它红军泉。相传红军在这里驻扎时，看到村民取水要走很远的山路，就和村民一起清淤、砌石，把山脚的泉眼修好了。' +
      '泉水一直流到今天，村里的老人常说“吃水不忘挖井人”。我们支部去参观那天，每人捧起一口泉水，甜里带着凉。' +
      '讲这个故事，是想告诉年轻党员：为群众办实事，办的是群众每天都离不开的事。',
    baseId: 'shuangpai-hongjunquan',
    submittedDaysAgo: 33,
    recommended: true,
    selected: 'first',
  },
  {
    id: 'seed-story-pine-tree',
    author: 'seed-member-08',
    kind: 'story',
    campaignId: STORY_CONTEST_ID,
    title: '像松树一样',
    body:
      '在祁阳陶铸故居，讲解员请我们读一段关于松树风格的文字：不管在什么恶劣的环境下，都能茁壮地生长，要求于人的甚少，给予人的甚多。' +
      '回来以后，我把这段话抄在办公桌的台历上。做基层工作，很多事情没有人看见，但松树不是为了被看见才挺立的。这就是我想讲给大家的故事。',
    baseId: 'qiyang-taozhu-residence',
    submittedDaysAgo: 30,
    recommended: true,
    selected: 'excellent',
  },
  {
    id: 'seed-story-lantern',
    author: 'seed-member-09',
    kind: 'story',
    campaignId: STORY_CONTEST_ID,
    title: '指挥部旧址里的一盏马灯',
    body:
      '零陵红六军团指挥部旧址的展柜里，有一盏擦得发亮的马灯。讲解员说，指挥员们常常在灯下研究地图到深夜。' +
      '我站在展柜前想，那一夜夜的灯光照亮的不只是地图，还有一条通往胜利的路。作为机关党员，我们今天的“灯下功夫”，就是把每一项工作研究透、落实好。',
    baseId: 'lingling-hongliujuntuan-hq',
    submittedDaysAgo: 28,
  },
  {
    id: 'seed-story-loyalty',
    author: 'seed-member-03',
    kind: 'article',
    campaignId: THEORY_CAMPAIGN_ID,
    title: '从“断肠明志”看共产党人的绝对忠诚',
    body:
      '一九三四年冬，红三十四师师长陈树湘在湘江战役中为掩护主力负伤被俘，宁死不屈，用生命践行了“为苏维埃新中国流尽最后一滴血”的誓言，年仅二十九岁。' +
      '“断肠明志”的故事之所以震撼人心，在于它把忠诚二字写到了极致。\n\n' +
      '忠诚首先是信仰上的坚定。红三十四师担负全军后卫，明知任务艰险仍义无反顾，靠的是对革命理想的笃信。今天的党员同样面临各种考验，' +
      '只有把理想信念这个“总开关”拧紧，才能在风浪面前站得稳。\n\n' +
      '忠诚其次是行动上的担当。后卫师的意义在于让大部队走得出去，个人的得失放在最后。对基层党支部而言，绝对忠诚落在日常，' +
      '就是急难险重面前有人站出来，群众需要的时候有人靠得上。\n\n' +
      '忠诚还是代代相传的精神财富。道县陈树湘党性教育基地每年接待大量参观者，一次次讲述让这段历史不断焕发新的力量。' +
      '我们开展红色教育，不只是记住故事，更要把故事里的精神转化为做好本职工作的自觉。以史为鉴、以忠诚为本，这是我们这一代人应当交出的答卷。',
    submittedDaysAgo: 20,
    recommended: true,
  },
  {
    id: 'seed-story-spring-line',
    author: 'seed-member-07',
    kind: 'article',
    campaignId: THEORY_CAMPAIGN_ID,
    title: '红军泉边话初心：群众路线的源头活水',
    body:
      '在永州，红军泉、红军桥、红军井的故事流传甚广。这些故事的共同点，是红军在极其艰苦的条件下，仍把群众的冷暖放在心上。' +
      '一眼泉水之所以被人们记了近百年，是因为它连着群众最朴素的需要。\n\n' +
      '群众路线是我们党的生命线和根本工作路线。从红军泉的故事里，我们可以读出三层意思：一是问需于民，群众缺什么就帮什么；' +
      '二是身体力行，干部和群众一起动手，而不是站在一旁指挥；三是久久为功，好事要办实，也要办长久。\n\n' +
      '新时代做好群众工作，形式在变，初心不变。高校党支部联系服务师生，同样要把“泉眼”找准：学生的学业和就业，教职工的教学和生活，' +
      '都是需要用心疏通的地方。只要我们坚持从群众中来、到群众中去，源头活水就会长流不息。' +
      '这也是我们支部今年开展“我为师生办实事”的出发点。',
    submittedDaysAgo: 18,
  },
  {
    id: 'seed-story-truth-seeking',
    author: 'seed-member-10',
    kind: 'article',
    campaignId: THEORY_CAMPAIGN_ID,
    title: '李达的求真精神对青年理论学习的启示',
    body:
      '冷水滩李达故居陈列着李达同志一生治学的足迹。作为马克思主义哲学家、教育家，李达毕生致力于马克思主义理论的研究和传播，' +
      '他的求真精神是留给后人的宝贵财富。\n\n' +
      '求真，首先要读原著、学原文、悟原理。理论学习最怕浅尝辄止，只有沉下心来读，才能真正把道理弄懂。' +
      '其次要联系实际。理论的生命力在于回答现实问题，青年党员学理论，要带着工作中的问题去学，在解决问题中加深理解。' +
      '再次要敢于坚持真理。认准了正确的道理，就要有坚持下去的勇气和定力。\n\n' +
      '离退休党支部的老同志常说，学习没有毕业的一天。把李达的求真精神化为日常的学习习惯，就是对这位先辈最好的纪念。' +
      '支部今年组织了读书分享会，大家轮流领读、相互提问，学习的氛围越来越浓，几位老同志还把多年的读书笔记拿出来与大家分享。',
    submittedDaysAgo: 15,
  },
  {
    id: 'seed-story-chenshuxiang-visit',
    author: 'seed-member-11',
    kind: 'reflection',
    campaignId: null,
    title: '参观道县陈树湘党性教育基地有感',
    body:
      '站在陈树湘烈士的塑像前，支部的同志们都沉默了很久。二十九岁，正是我们很多人刚刚参加工作的年纪。' +
      '回来的路上大家讨论：我们今天的岗位上，什么是需要用一生去守的？我的答案是把每一堂课上好，把每一位学生放在心上。',
    baseId: 'daoxian-chenshuxiang',
    submittedDaysAgo: 12,
  },
  {
    id: 'seed-story-ferry',
    author: 'seed-member-12',
    kind: 'reflection',
    campaignId: null,
    title: '重走红军渡口',
    body:
      '在蓝山红军新村渡口，江水平静，很难想象当年渡江时的紧张和艰险。讲解员说，是沿岸百姓连夜撑船，帮助红军渡过了江。' +
      '这次参观让我更加理解了“人民群众是真正的英雄”这句话的分量。',
    baseId: 'lanshan-xincun-ferry',
    submittedDaysAgo: 9,
  },
  {
    id: 'seed-story-double-support',
    author: 'seed-member-05',
    kind: 'reflection',
    campaignId: null,
    title: '军民鱼水情，双拥代代传',
    body:
      '离退休党支部走访了驻地部队和几户军属家庭。老同志们讲起当年拥军支前的往事，年轻的战士们讲起今天的训练和值守，' +
      '两代人的故事在一间会议室里接上了。军民同心的传统，需要我们一代一代接着讲、接着做。',
    submittedDaysAgo: 6,
  },
];

/** [work, rater's openid, score]: raters are never the work's author. */
const RATINGS: [string, string, number][] = [
  ...(['seed-member-04', 'seed-member-13', 'seed-member-14', 'seed-member-15', 'seed-member-17', 'seed-member-18'] as const).map(
    (rater, index): [string, string, number] => ['seed-story-ivory-chopstick', rater, [5, 5, 4, 5, 4, 5][index]!],
  ),
  ...(
    [
      'demo-member',
      'seed-member-01',
      'seed-member-03',
      'seed-member-04',
      'seed-member-13',
      'seed-member-19',
      'seed-member-20',
      'seed-member-21',
    ] as const
  ).map((rater, index): [string, string, number] => ['seed-story-red-army-spring', rater, [5, 5, 5, 4, 5, 5, 4, 5][index]!]),
  ['seed-story-wooden-board', 'seed-member-07', 4],
  ['seed-story-wooden-board', 'seed-member-08', 5],
  ['seed-story-wooden-board', 'seed-member-22', 4],
  ['seed-story-pine-tree', 'seed-member-06', 5],
  ['seed-story-pine-tree', 'seed-member-23', 4],
  ['seed-story-pine-tree', 'seed-member-24', 5],
  ['seed-story-pine-tree', 'seed-member-25', 4],
  ['seed-story-lantern', 'seed-member-26', 4],
  ['seed-story-lantern', 'seed-member-27', 3],
  ['seed-story-loyalty', 'seed-member-28', 5],
  ['seed-story-loyalty', 'seed-member-29', 5],
  ['seed-story-loyalty', 'demo-secretary', 4],
  ['seed-story-spring-line', 'seed-member-30', 5],
  ['seed-story-chenshuxiang-visit', 'seed-member-31', 5],
  ['seed-story-chenshuxiang-visit', 'seed-member-32', 4],
];

export interface SeededStories {
  campaigns: CampaignDoc[];
  stories: StoryDoc[];
  ratings: StoryRatingDoc[];
  tallies: CampaignBranchDoc[];
  authors: CampaignAuthorDoc[];
}

export function seedStories(now: Date, members: readonly MemberDoc[], orgs: readonly OrgDoc[]): SeededStories {
  const memberOf = (openid: string): MemberDoc => {
    const member = members.find((candidate) => candidate.openid === openid);
    if (!member) throw new Error(`no seeded member ${openid}`);
    return member;
  };
  const branchName = (branchId: string) => orgs.find((org) => org._id === branchId)?.name ?? '';
  const authorOf = (openid: string) => {
    const member = memberOf(openid);
    return { _id: member._id, name: member.name, branchId: member.branchId, branchName: branchName(member.branchId) };
  };
  /** The branch's secretary, or the org when the secretary wrote it (nobody reviews their own work). */
  const reviewerOf = (author: MemberDoc): MemberDoc => {
    const secretary = members.find((member) => member.role === 'secretary' && member.branchId === author.branchId);
    return secretary && secretary._id !== author._id ? secretary : memberOf(ADMIN);
  };
  const campaignDocs = campaigns(now);
  const weightOf = (campaignId: string | null) => campaignDocs.find((campaign) => campaign._id === campaignId)?.ratingWeight ?? 0;

  const ratings: StoryRatingDoc[] = RATINGS.map(([storyId, rater, score], index) => ({
    _id: storyRatingId(storyId, memberOf(rater)._id),
    storyId,
    memberId: memberOf(rater)._id,
    score,
    createdAt: daysAgo(now, 5, index),
  }));

  const approved = APPROVED_WORKS.map((seed): StoryDoc => {
    const author = memberOf(seed.author);
    const reviewer = reviewerOf(author);
    const submittedAt = daysAgo(now, seed.submittedDaysAgo);
    const approvedAt = new Date(submittedAt.getTime() + 5 * HOUR_MS);
    const recommendedAt = new Date(approvedAt.getTime() + DAY_MS);
    const own = ratings.filter((rating) => rating.storyId === seed.id);
    const base = seed.baseId ? seedBases.find((candidate) => candidate.id === seed.baseId) : undefined;
    const selection = seed.selected === undefined ? null : { award: seed.selected, byId: memberOf(ADMIN)._id, at: daysAgo(now, 10) };
    const selectionState = selection ? 'selected' : seed.recommended ? 'recommended' : null;
    const ratingCount = own.length;
    const ratingSum = own.reduce((sum, rating) => sum + rating.score, 0);
    return storyDoc(authorOf(seed.author), daysAgo(now, seed.submittedDaysAgo + 2), {
      _id: seed.id,
      kind: seed.kind,
      status: 'approved',
      campaignId: seed.campaignId,
      title: seed.title,
      body: seed.body,
      baseId: base?.id ?? null,
      baseName: base?.name ?? null,
      version: selection ? 4 : seed.recommended ? 3 : 2,
      updatedAt: selection?.at ?? (seed.recommended ? recommendedAt : approvedAt),
      submittedAt,
      approvedAt,
      review: { decision: 'approve', comment: '', reviewerId: reviewer._id, reviewerName: reviewer.name, at: approvedAt },
      recommendation: seed.recommended ? { note: '', byId: reviewer._id, byName: reviewer.name, at: recommendedAt } : null,
      selectionState,
      selection,
      ratingCount,
      ratingSum,
      rankScore: rankScore({ selectionState, award: selection?.award ?? null, ratingCount, ratingSum }, weightOf(seed.campaignId)),
    });
  });

  const secretary = memberOf('demo-secretary');
  const pending = storyDoc(authorOf('seed-member-16'), daysAgo(now, 0, 6), {
    _id: PENDING_STORY_ID,
    kind: 'reflection',
    title: '重温入党誓词的那一刻',
    body:
      '主题党日上，我们面对党旗重温入党誓词。举起右拳的那一刻，我想起了十年前入党时的自己。' +
      '十年里岗位换了几次，誓词一句也没有忘。今后我要把誓词里的每一句话，都落实到为师生服务的具体工作中去。',
    status: 'pending',
    version: 1,
    submittedAt: daysAgo(now, 0, 3),
  });
  const returned = storyDoc(authorOf('demo-member'), daysAgo(now, 4), {
    _id: RETURNED_STORY_ID,
    kind: 'reflection',
    title: '读《红色永州》有感',
    body: '这本书让我知道了家乡很多红色故事，比如红军在永州留下的足迹，很受教育，以后要多读多学，把这些故事讲给身边的人听。',
    version: 2,
    updatedAt: daysAgo(now, 2),
    submittedAt: daysAgo(now, 3),
    review: {
      decision: 'return',
      comment: '请结合书中一两个具体故事谈谈体会，再充实一些',
      reviewerId: secretary._id,
      reviewerName: secretary.name,
      at: daysAgo(now, 2),
    },
    status: 'returned',
  });

  const stories = [...approved, pending, returned];
  const { tallies, authors } = campaignTallies(stories, now);
  return { campaigns: campaignDocs, stories, ratings, tallies, authors };
}
