export default definePageConfig({
  navigationBarTitleText: '红途',
});
