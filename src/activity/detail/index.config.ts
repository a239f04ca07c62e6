export default definePageConfig({
  navigationBarTitleText: '活动详情',
  // The share hooks only fire when the page declares it can be shared.
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
