export default definePageConfig({
  navigationBarTitleText: '基地详情',
});
