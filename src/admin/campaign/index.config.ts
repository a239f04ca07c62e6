export default definePageConfig({
  navigationBarTitleText: '新建征集',
});
