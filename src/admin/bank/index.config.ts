export default definePageConfig({
  navigationBarTitleText: '题库管理',
  onReachBottomDistance: 120,
});
