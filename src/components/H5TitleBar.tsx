import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

/** What Taro's H5 runtime keeps of app.config on window: the compiled config plus each page's own config as `routes`. */
interface H5AppConfig {
  /** The first is the home page. */
  pages: string[];
  window?: { navigationBarTitleText?: string };
  tabBar?: { list: { pagePath: string }[] };
  routes: { path: string; navigationBarTitleText?: string }[];
}

/** The event Taro H5's setNavigationBarTitle sends; its own bar is hidden, so this one follows it. */
const SET_TITLE_EVENT = '__taroH5SetNavigationBarTitle';

function appConfig(): H5AppConfig {
  return (window as unknown as { __taroAppConfig: H5AppConfig }).__taroAppConfig;
}

/** Routes come with and without the leading slash, sometimes with a query. */
function pagePath(path: string): string {
  return path.replace(/\?.*$/, '').replace(/^\//, '');
}

function configuredTitle(config: H5AppConfig, page: string): string {
  return (
    config.routes.find((route) => pagePath(route.path) === page)?.navigationBarTitleText ?? config.window?.navigationBarTitleText ?? ''
  );
}

function goBack(homePage: string): void {
  // A page opened from a shared link has nothing to go back to: go home instead of doing nothing.
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: `/${pagePath(homePage)}` });
}

/**
 * The browser has no WeChat title bar: this one shows the page's navigationBarTitleText (or the title a
 * page sets later) and, off the tab pages, a 返回 that goes back or, with no history, home.
 */
export function H5TitleBar() {
  const router = useRouter();
  const page = pagePath(router.path);
  const config = appConfig();
  const [title, setTitle] = useState(() => configuredTitle(config, page));
  const isTab = config.tabBar?.list.some((item) => pagePath(item.pagePath) === page) ?? false;

  useEffect(() => {
    // Pages below the top one stay mounted; only the page on top may take a new title.
    const follow = (next: string) => {
      if (pagePath(Taro.getCurrentInstance().router?.path ?? '') === page) setTitle(next);
    };
    Taro.eventCenter.on(SET_TITLE_EVENT, follow);
    return () => {
      Taro.eventCenter.off(SET_TITLE_EVENT, follow);
    };
  }, [page]);

  return (
    <View className='ht-titlebar'>
      {isTab ? null : (
        <View
          className='ht-titlebar__back'
          role='button'
          aria-label='返回'
          hoverClass='ht-titlebar__back--pressed'
          onClick={() => goBack(config.pages[0] ?? '')}
        >
          <Text className='ht-titlebar__back-mark'>‹</Text>
          <Text>返回</Text>
        </View>
      )}
      <Text className='ht-titlebar__title'>{title}</Text>
    </View>
  );
}
