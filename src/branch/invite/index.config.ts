export default definePageConfig({
  navigationBarTitleText: '邀请加入党支部',
  // useShareAppMessage only fires when the page declares it can be shared.
  enableShareAppMessage: true,
});
