export default definePageConfig({
  navigationBarTitleText: '红色故事',
  enablePullDownRefresh: true,
});
