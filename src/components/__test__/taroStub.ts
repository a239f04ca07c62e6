/**
 * A hand-written @tarojs/taro for jsdom tests of the pages: storage is an in-memory map, toasts,
 * dialogs, navigation and the clipboard are recorded, and the router params are settable per test.
 * `modalReplies` answers showModal in order (unanswered dialogs are cancelled) and `sheetReplies`
 * answers showActionSheet (unanswered sheets are dismissed).
 */
export const storage = new Map<string, unknown>();
export const router = { params: {} as Record<string, string | undefined> };
export const modalReplies: boolean[] = [];
export const sheetReplies: number[] = [];
/** The page's onReachBottom handler, so a test can scroll to the bottom. */
export const reachBottom: { handler: (() => void) | null } = { handler: null };
/** The page's share handler, so a test can ask what the share card would carry. */
export const share: { handler: (() => unknown) | null } = { handler: null };

// Round-trips through JSON like the real storage, so a page cannot keep a live reference to what it stored.
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const taro = {
  env: { USER_DATA_PATH: 'http://usr' },
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? stored(storage.get(key)) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, stored(value));
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  getStorageInfoSync: jest.fn(() => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })),
  showToast: jest.fn(),
  showModal: jest.fn(async (_options: Record<string, unknown>) => ({ confirm: modalReplies.shift() ?? false, cancel: false })),
  showActionSheet: jest.fn(async (_options: Record<string, unknown>) => {
    const tapIndex = sheetReplies.shift();
    if (tapIndex === undefined) throw new Error('showActionSheet:fail cancel');
    return { tapIndex, errMsg: 'showActionSheet:ok' };
  }),
  setClipboardData: jest.fn(async () => ({ errMsg: 'setClipboardData:ok' })),
  navigateTo: jest.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  redirectTo: jest.fn(async () => ({ errMsg: 'redirectTo:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
};

export function resetTaroStub(): void {
  storage.clear();
  router.params = {};
  modalReplies.length = 0;
  sheetReplies.length = 0;
  reachBottom.handler = null;
  share.handler = null;
  Object.values(taro).forEach((value) => {
    if (jest.isMockFunction(value)) value.mockClear();
  });
}

export const taroModule = {
  __esModule: true,
  default: taro,
  useRouter: () => router,
  useDidShow: () => undefined,
  useReachBottom: (handler: () => void) => {
    reachBottom.handler = handler;
  },
  useShareAppMessage: (handler: () => unknown) => {
    share.handler = handler;
  },
};

export default taro;
