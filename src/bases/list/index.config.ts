export default definePageConfig({
  navigationBarTitleText: '红色教育基地',
});
