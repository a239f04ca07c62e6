export default definePageConfig({
  navigationBarTitleText: '征集活动',
});
