export default definePageConfig({
  navigationBarTitleText: '加入党支部',
});
