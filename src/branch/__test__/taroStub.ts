/**
 * A hand-written @tarojs/taro for jsdom tests of the join page and the 支部管理 pages: dialogs,
 * toasts, navigation and the clipboard are recorded; `modalReplies` answers showModal in order
 * (unanswered dialogs are cancelled) and `sheetReplies` answers showActionSheet.
 */
export const router = { params: {} as Record<string, string | undefined> };
export const modalReplies: boolean[] = [];
export const sheetReplies: number[] = [];
/** The page's share handler, so a test can ask what the share card would carry. */
export const share: { handler: (() => unknown) | null } = { handler: null };

const taro = {
  getStorageSync: jest.fn(() => ''),
  setStorageSync: jest.fn(),
  showToast: jest.fn(),
  showModal: jest.fn(async (_options: Record<string, unknown>) => ({ confirm: modalReplies.shift() ?? false, cancel: false })),
  showActionSheet: jest.fn(async (_options: Record<string, unknown>) => {
    const tapIndex = sheetReplies.shift();
    if (tapIndex === undefined) throw new Error('showActionSheet:fail cancel');
    return { tapIndex, errMsg: 'showActionSheet:ok' };
  }),
  setClipboardData: jest.fn(async () => ({ errMsg: 'setClipboardData:ok' })),
  navigateTo: jest.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
};

export function resetTaroStub(): void {
  router.params = {};
  modalReplies.length = 0;
  sheetReplies.length = 0;
  share.handler = null;
  Object.values(taro).forEach((fn) => fn.mockClear());
}

export const taroModule = {
  __esModule: true,
  default: taro,
  useRouter: () => router,
  useDidShow: () => undefined,
  useReachBottom: () => undefined,
  useShareAppMessage: (handler: () => unknown) => {
    share.handler = handler;
  },
};

export default taro;
