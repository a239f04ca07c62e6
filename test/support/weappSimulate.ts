/**
 * What every miniprogram-simulate test of a built page needs (ARCHITECTURE.md, "Testing"): Taro registers pages with
 * Page() and the app with App(), while miniprogram-simulate only knows Component().
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RootComponent } from 'miniprogram-simulate';

export const WEAPP_DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp');

/** Polls until `condition` holds, because Taro batches setData asynchronously after each React commit. */
export async function waitUntil(condition: () => boolean, description: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Maps the next Page() registration onto Component(), opened at `route` with `query`. */
export function shimPageOntoComponent(route: string, query: Record<string, string> = {}): void {
  const globals = globalThis as Record<string, unknown>;
  globals.Page = (options: Record<string, unknown>) => {
    const { data, ...rest } = options;
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (typeof value === 'function') methods[key] = value;
    }
    (globals.Component as (definition: unknown) => void)({
      data,
      methods,
      lifetimes: {
        attached(this: Record<string, (arg?: unknown) => void> & { route: string; options: unknown }) {
          this.route = route;
          this.options = query;
          this.onLoad?.(query);
          this.onShow?.();
        },
        ready(this: Record<string, () => void>) {
          this.onReady?.();
        },
        detached(this: Record<string, () => void>) {
          this.onUnload?.();
        },
      },
    });
  };
}

/** Runs the built app.js with App() captured, then fires the launch the way WeChat would. */
export function launchApp(launchPath: string, query: Record<string, string> = {}): void {
  const globals = globalThis as Record<string, unknown>;
  let appConfig: Record<string, (options: unknown) => void> | undefined;
  globals.App = (config: Record<string, (options: unknown) => void>) => {
    appConfig = config;
  };
  globals.getApp = () => appConfig;
  globals.getCurrentPages = () => [];
  require(path.join(WEAPP_DIST, 'app.js'));
  if (!appConfig) throw new Error('app.js did not call App()');
  const launchOptions = { path: launchPath, query, scene: 1001 };
  appConfig.onLaunch?.(launchOptions);
  appConfig.onShow?.(launchOptions);
}

type Callbacks = { success?: (res?: unknown) => void; complete?: (res?: unknown) => void };

/** A wx.* API stub that succeeds through callbacks (and resolves, for Taro's promise wrappers) with `reply`. */
export function succeed<T extends object = object>(reply: unknown = { errMsg: 'ok' }) {
  return jest.fn((options: T & Callbacks) => {
    options?.success?.(reply);
    options?.complete?.(reply);
  });
}

/** The `wx` global miniprogram-simulate installs when loaded; tests add the APIs a page uses. */
export function wxGlobal(): Record<string, unknown> {
  require('miniprogram-simulate');
  return (globalThis as unknown as { wx: Record<string, unknown> }).wx;
}

/** `<tag>`'s attribute → data key map in the built base.wxml (Taro stores attributes under short keys like `p4`). */
function templateKeys(tag: string): Map<string, string> {
  const wxml = fs.readFileSync(path.join(WEAPP_DIST, 'base.wxml'), 'utf8');
  const element = new RegExp(`<${tag} ([^>]*)>`).exec(wxml)?.[1];
  if (!element) throw new Error(`base.wxml has no <${tag}> template`);
  const keys = new Map<string, string>();
  for (const [, name, key] of element.matchAll(/([\w-]+)="\{\{[^"]*?\bi\.(\w+)/g)) keys.set(name!, key!);
  return keys;
}

function findBySid(tree: unknown, sid: string): Record<string, unknown> | undefined {
  if (typeof tree !== 'object' || tree === null) return undefined;
  const node = tree as Record<string, unknown>;
  if (node.sid === sid) return node;
  for (const child of Object.values(node)) {
    const found = findBySid(child, sid);
    if (found) return found;
  }
  return undefined;
}

/** A rendered page root; the page's data, properties and methods are Taro's, untyped here. */
type PageRoot = RootComponent<
  WechatMiniprogram.Component.DataOption,
  WechatMiniprogram.Component.PropertyOption,
  WechatMiniprogram.Component.MethodOption
>;

export interface RenderedPage {
  root: PageRoot;
  /** Everything the page shows, as text. */
  text(): string;
  /** Taps the innermost node carrying a data-sid whose class and text match, as WeChat would deliver it. */
  tap(className: string, text: string): void;
  /** The page's methods, e.g. the onShareAppMessage Taro registered. */
  instance: Record<string, (...args: unknown[]) => unknown>;
  /** The wxml attributes of each rendered `<tag>` with this class, as WeChat would receive them. */
  attributes(tag: string, className: string): Record<string, unknown>[];
}

/**
 * Renders one built page (after `npm run build:weapp`) with WeChat's own wxml compiler: shims Page(),
 * launches app.js at the page, then loads and attaches it. Stub the wx APIs the page calls first.
 */
export function renderBuiltPage(route: string, query: Record<string, string> = {}): RenderedPage {
  const pagePath = path.join(WEAPP_DIST, route);
  if (!fs.existsSync(`${pagePath}.js`)) {
    throw new Error(`dist/weapp/${route} is missing: run \`npm run build:weapp\` before \`npm run test:weapp\``);
  }
  const simulate = require('miniprogram-simulate') as typeof import('miniprogram-simulate');
  shimPageOntoComponent(route, query);
  launchApp(route, query);
  // A subpackage's shared chunk is required relative to the page; rootPath stays the dist root.
  const root: PageRoot = simulate.render(simulate.load(pagePath, { compiler: 'official', rootPath: WEAPP_DIST }));
  root.attach(document.createElement('parent-wrapper'));
  const text = () => root.dom?.textContent ?? '';
  const tap = (className: string, label: string) => {
    const nodes = Array.from(root.dom?.querySelectorAll<HTMLElement>('[data-sid]') ?? []).filter(
      // The simulator prefixes classes with the component scope (`main--quiz-option`).
      (node) =>
        node.className.split(/\s+/).some((name) => name === className || name.endsWith(`--${className}`)) &&
        (node.textContent ?? '').includes(label),
    );
    const sid = nodes[nodes.length - 1]?.getAttribute('data-sid');
    if (!sid) throw new Error(`no tappable .${className} containing ${label}`);
    const target = root.querySelector(`#${sid}`);
    if (!target) throw new Error(`no component node for #${sid}`);
    target.dispatchEvent('tap');
  };
  const attributes = (tag: string, className: string) => {
    const keys = templateKeys(tag);
    return Array.from(root.dom?.querySelectorAll<HTMLElement>(`wx-${tag}[data-sid]`) ?? [])
      .filter((node) => node.className.split(/\s+/).some((name) => name === className || name.endsWith(`--${className}`)))
      .map((node) => {
        const data = findBySid(root.data, node.getAttribute('data-sid')!) ?? {};
        return Object.fromEntries([...keys].map(([name, key]) => [name, data[key]]));
      });
  };
  return { root, text, tap, instance: root.instance as unknown as RenderedPage['instance'], attributes };
}
