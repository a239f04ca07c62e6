export default definePageConfig({
  navigationBarTitleText: '待审批',
  onReachBottomDistance: 120,
});
