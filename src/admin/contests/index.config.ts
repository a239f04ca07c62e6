export default definePageConfig({ navigationBarTitleText: '竞赛管理' });
