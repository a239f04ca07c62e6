export default definePageConfig({
  navigationBarTitleText: '排行榜',
  onReachBottomDistance: 120,
});
