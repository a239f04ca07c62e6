/**
 * A hand-written @tarojs/taro for jsdom tests of the quiz pages: storage is an in-memory map,
 * navigation and dialogs are recorded, and the router params are settable per test.
 */
export const storage = new Map<string, unknown>();
export const router = { params: {} as Record<string, string | undefined> };
export const modalReplies: boolean[] = [];
/** The page's onReachBottom handler, so a test can scroll to the bottom. */
export const reachBottom: { handler: (() => void) | null } = { handler: null };

const taro = {
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? JSON.parse(JSON.stringify(storage.get(key))) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, JSON.parse(JSON.stringify(value)));
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  getStorageInfoSync: jest.fn(() => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })),
  showToast: jest.fn(),
  showModal: jest.fn(async (_options: Record<string, unknown>) => ({ confirm: modalReplies.shift() ?? false, cancel: false })),
  redirectTo: jest.fn(async () => ({ errMsg: 'redirectTo:ok' })),
  navigateTo: jest.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
};

export function resetTaroStub(): void {
  storage.clear();
  router.params = {};
  modalReplies.length = 0;
  reachBottom.handler = null;
  Object.values(taro).forEach((fn) => fn.mockClear());
}

export const taroModule = {
  __esModule: true,
  default: taro,
  useRouter: () => router,
  useDidShow: () => undefined,
  useReachBottom: (handler: () => void) => {
    reachBottom.handler = handler;
  },
};

export default taro;
