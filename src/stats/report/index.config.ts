export default definePageConfig({
  navigationBarTitleText: '学习自报',
});
