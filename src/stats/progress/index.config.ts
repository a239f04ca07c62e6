export default definePageConfig({
  navigationBarTitleText: '我的六个一',
});
