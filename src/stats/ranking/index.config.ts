export default definePageConfig({
  navigationBarTitleText: '支部排名与台账',
});
