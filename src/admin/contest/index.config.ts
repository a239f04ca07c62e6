export default definePageConfig({
  navigationBarTitleText: '新建竞赛',
});
