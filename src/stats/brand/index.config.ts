export default definePageConfig({
  navigationBarTitleText: '四红方案',
});
