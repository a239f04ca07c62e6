/**
 * A hand-written @tarojs/taro for jsdom tests of the admin pages: toasts, dialogs and navigation
 * are recorded; `modalReplies` answers showModal in order (unanswered dialogs are cancelled).
 */
export const modalReplies: boolean[] = [];

const taro = {
  env: { USER_DATA_PATH: 'http://usr' },
  showToast: jest.fn(),
  showModal: jest.fn(async (_options: Record<string, unknown>) => ({ confirm: modalReplies.shift() ?? false, cancel: false })),
  navigateTo: jest.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
  getStorageSync: jest.fn(() => ''),
  setStorageSync: jest.fn(),
};

export function resetTaroStub(): void {
  modalReplies.length = 0;
  Object.values(taro).forEach((value) => {
    if (typeof value === 'function' && 'mockClear' in value) value.mockClear();
  });
}

export const taroModule = {
  __esModule: true,
  default: taro,
  useRouter: () => ({ params: {} }),
  useDidShow: () => undefined,
  useReachBottom: () => undefined,
};

export default taro;
