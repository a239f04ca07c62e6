export default definePageConfig({
  navigationBarTitleText: '现场签到',
  // 名单 refreshes itself every 10 s; pulling down reads it at once.
  enablePullDownRefresh: true,
});
