export default definePageConfig({
  navigationBarTitleText: '四红申报',
});
