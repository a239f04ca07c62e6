export default definePageConfig({
  navigationBarTitleText: '写投稿',
});
