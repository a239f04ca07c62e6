import { TAB_COLOURS, TABS } from './custom-tab-bar/tabs';

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/activities/index', 'pages/quiz/index', 'pages/visits/index', 'pages/me/index', 'pages/join/index'],
  subPackages: [
    { root: 'quiz', pages: ['take/index', 'result/index', 'board/index', 'practice/index'] },
    {
      root: 'admin',
      pages: [
        'bank/index',
        'contest/index',
        'contests/index',
        'results/index',
        'roster/index',
        'audit/index',
        'campaigns/index',
        'campaign/index',
        'bootstrap/index',
      ],
    },
    { root: 'branch', pages: ['members/index', 'approvals/index', 'invite/index'] },
    { root: 'activity', pages: ['detail/index', 'edit/index', 'attendees/index', 'checkin/index', 'list/index'] },
    // The page a scanned check-in code opens, alone in its subpackage so a cold scan downloads little.
    { root: 'checkin', pages: ['landing/index'] },
    { root: 'bases', pages: ['list/index', 'detail/index', 'footprint/index', 'mycode/index'] },
    { root: 'story', pages: ['feed/index', 'detail/index', 'edit/index', 'mine/index', 'review/index', 'campaign/index'] },
    {
      root: 'stats',
      pages: [
        'progress/index',
        'ledger/index',
        'report/index',
        'dashboard/index',
        'ranking/index',
        'programmes/index',
        'programme/index',
        // 四红品牌 (ARCHITECTURE.md, "Statistics").
        'brands/index',
        'brand/index',
        'brandProgramme/index',
        'nominate/index',
      ],
    },
  ],
  // Check-ins locate the member against a fence (wx.getLocation); WeChat requires the API declared.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '签到和基地打卡时核对你是否在现场；也用于按距离排列红色教育基地' },
  },
  window: {
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '红途',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F5F5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    // Weapp draws its own bar (src/custom-tab-bar) so 适老化 can scale it; H5 keeps Taro's, scaled in app.css.
    custom: process.env.TARO_ENV === 'weapp',
    ...TAB_COLOURS,
    borderStyle: 'black',
    list: TABS,
  },
});
