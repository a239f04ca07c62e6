export default definePageConfig({
  navigationBarTitleText: '四红品牌',
});
