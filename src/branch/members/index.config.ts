export default definePageConfig({
  navigationBarTitleText: '支部成员',
  onReachBottomDistance: 120,
});
