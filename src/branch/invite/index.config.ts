export default definePageConfig({
  navigationBarTitleText: '邀请入党组织',
  // useShareAppMessage only fires when the page declares it can be shared.
  enableShareAppMessage: true,
});
