/**
 * What 红途 declares in its 用户隐私保护指引 (mp.weixin.qq.com → 设置 → 服务内容声明 → 用户隐私保护指引):
 * each kind of personal information, WeChat's key for it, and the purpose as WeChat shows it ("为了…").
 * The in-app guide (src/components/PrivacyConsent.tsx) and the README's review checklist are drawn
 * from this list, and test/unit/privacy-checklist.test.ts fails when the app calls a private-info
 * API whose key is missing here (or declares one it no longer uses), so the three never disagree.
 */

export interface PrivacyEntry {
  /** WeChat's privacy_key; EX… keys are the ones a developer collects without an API. */
  key: string;
  /** As the 指引 names it. */
  label: string;
  /** Completes "为了…": what it is used for, plainly. */
  purpose: string;
}

/** Collected through WeChat's private-info APIs; each is checked against the code. */
export const PRIVACY_API_ENTRIES: readonly PrivacyEntry[] = [
  { key: 'Location', label: '位置信息', purpose: '扫码签到和基地打卡时核验你是否在现场，并按距离排列红色教育基地；只在那一刻读取一次' },
  { key: 'Album', label: '选中的照片或视频信息', purpose: '上传活动封面、基地打卡照片和投稿作品的图片、视频' },
  { key: 'AlbumWriteOnly', label: '相册（仅写入）权限', purpose: '把活动海报和打卡码保存到手机相册' },
  { key: 'MessageFile', label: '选中的文件', purpose: '组织部导入花名册和题库表格' },
  { key: 'Clipboard', label: '剪切板', purpose: '复制活动链接和你导出的个人数据' },
];

/** Collected by the app itself (forms, submissions), declared as the 指引 asks for self-collected information. */
export const PRIVACY_SELF_COLLECTED: readonly PrivacyEntry[] = [
  { key: 'EXName', label: '姓名与所在党支部', purpose: '加入党支部、组织学习活动和统计学习情况' },
  { key: 'EXPhoneTail', label: '手机号后四位', purpose: '与党支部花名册核对身份；不收集完整手机号' },
  { key: 'EXUserPublishContent', label: '你发布的投稿内容', purpose: '提交红色故事、心得体会、理论文章和党课视频，经支部审核后展示' },
];
