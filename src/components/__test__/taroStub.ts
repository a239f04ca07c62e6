/**
 * A hand-written @tarojs/taro for jsdom tests of the pages: storage is an in-memory map, toasts,
 * dialogs, navigation and the clipboard are recorded, and the router params are settable per test.
 * `modalReplies` answers showModal in order (unanswered dialogs are cancelled) and `sheetReplies`
 * answers showActionSheet (unanswered sheets are dismissed). Weapp file picking, local files and
 * cloud uploads are simulated in memory (the callback form held in `heldUploads` until the test moves it on); the subscribe-message dialog answers from `subscribeReplies`.
 */
export const storage = new Map<string, unknown>();
export const router = { params: {} as Record<string, string | undefined> };
export const modalReplies: boolean[] = [];
export const sheetReplies: number[] = [];
/** The page's onReachBottom handler, so a test can scroll to the bottom. */
export const reachBottom: { handler: (() => void) | null } = { handler: null };
/** The page's share handler, so a test can ask what the share card would carry. */
export const share: { handler: (() => unknown) | null } = { handler: null };
/** The page's 朋友圈 share handler. */
export const shareTimeline: { handler: (() => unknown) | null } = { handler: null };
/** How the subscribe-message dialog answers per template id; a template not listed is rejected. */
export const subscribeReplies = new Map<string, 'accept' | 'reject'>();
/** Weapp files in the chat that chooseMessageFile offers, next one first (none left: the user cancels). */
export const chatFiles: Array<{ name: string; size: number; path: string }> = [];
/** Weapp local files by path, base64 (what getFileSystemManager reads). */
export const fileSystem = new Map<string, string>();
/** Photos chooseMedia offers, next one first (none left: the user cancels). */
export const albumImages: Array<{ tempFilePath: string; size: number }> = [];

/** An upload started in the callback form (the one that reports progress), moved on by the test. */
export interface HeldUpload {
  cloudPath: string;
  progress: (percent: number) => void;
  finish: () => void;
  fail: (errMsg: string) => void;
}
/** Callback-form uploads in the order they started; they stay in flight until the test finishes or fails them. */
export const heldUploads: HeldUpload[] = [];

interface CloudUploadOptions {
  cloudPath: string;
  filePath: string;
  success?: (result: { fileID: string; statusCode: number; errMsg: string }) => void;
  fail?: (error: { errMsg: string }) => void;
}

function cloudUploadResult(cloudPath: string) {
  return { fileID: `cloud://test-env.7465-test-env/${cloudPath}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
}

/** Like wx.cloud.uploadFile: a promise without callbacks, an UploadTask with them. */
function cloudUploadFile({ cloudPath, success, fail }: CloudUploadOptions) {
  if (!success && !fail) return Promise.resolve(cloudUploadResult(cloudPath));
  const listeners: Array<(update: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void> = [];
  heldUploads.push({
    cloudPath,
    progress: (percent) =>
      listeners.forEach((listener) => listener({ progress: percent, totalBytesSent: percent, totalBytesExpectedToSend: 100 })),
    finish: () => success?.(cloudUploadResult(cloudPath)),
    fail: (errMsg) => fail?.({ errMsg }),
  });
  return { onProgressUpdate: (listener: (typeof listeners)[number]) => listeners.push(listener), abort: () => undefined };
}

interface ReadFileOptions {
  filePath: string;
  success?: (result: { data: string }) => void;
  fail?: (error: Error) => void;
}

const fileSystemManager = {
  readFile({ filePath, success, fail }: ReadFileOptions) {
    const data = fileSystem.get(filePath);
    if (data === undefined) fail?.(new Error(`readFile:fail no such file ${filePath}`));
    else success?.({ data });
  },
};

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
  requestSubscribeMessage: jest.fn(async ({ tmplIds }: { tmplIds: string[] }) => ({
    errMsg: 'requestSubscribeMessage:ok',
    ...Object.fromEntries(tmplIds.map((id) => [id, subscribeReplies.get(id) ?? 'reject'])),
  })),
  stopPullDownRefresh: jest.fn(),
  setNavigationBarTitle: jest.fn(async () => ({ errMsg: 'setNavigationBarTitle:ok' })),
  setClipboardData: jest.fn(async () => ({ errMsg: 'setClipboardData:ok' })),
  navigateTo: jest.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  redirectTo: jest.fn(async () => ({ errMsg: 'redirectTo:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
  chooseMessageFile: jest.fn(async (_options: Record<string, unknown>) => {
    const file = chatFiles.shift();
    if (!file) throw new Error('chooseMessageFile:fail cancel');
    return { tempFiles: [{ ...file, type: 'file', time: 0 }], errMsg: 'chooseMessageFile:ok' };
  }),
  getFileSystemManager: () => fileSystemManager,
  chooseMedia: jest.fn(async (_options: Record<string, unknown>) => {
    const image = albumImages.shift();
    if (!image) throw new Error('chooseMedia:fail cancel');
    return { type: 'image', tempFiles: [{ ...image, fileType: 'image' }], errMsg: 'chooseMedia:ok' };
  }),
  cloud: {
    uploadFile: jest.fn(cloudUploadFile),
  },
};

export function resetTaroStub(): void {
  storage.clear();
  router.params = {};
  modalReplies.length = 0;
  sheetReplies.length = 0;
  reachBottom.handler = null;
  share.handler = null;
  shareTimeline.handler = null;
  subscribeReplies.clear();
  chatFiles.length = 0;
  fileSystem.clear();
  albumImages.length = 0;
  heldUploads.length = 0;
  [...Object.values(taro), ...Object.values(taro.cloud)].forEach((value) => {
    if (jest.isMockFunction(value)) value.mockClear();
  });
}

export const taroModule = {
  __esModule: true,
  default: taro,
  useRouter: () => router,
  useDidShow: () => undefined,
  useDidHide: () => undefined,
  useReachBottom: (handler: () => void) => {
    reachBottom.handler = handler;
  },
  useShareAppMessage: (handler: () => unknown) => {
    share.handler = handler;
  },
  useShareTimeline: (handler: () => unknown) => {
    shareTimeline.handler = handler;
  },
  usePullDownRefresh: () => undefined,
};

export default taro;
