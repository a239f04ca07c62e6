import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Contracts and pure rules live outside src; Taro only transpiles src and Taro's own packages unless told. */
const sharedSourceDirs = [path.resolve(__dirname, '..', 'types'), path.resolve(__dirname, '..', 'core')];

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'hongtu',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    env: {
      // The CloudBase env id is injected at build time; empty means the default env of the appid.
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // The one subscribe-message template the app asks for before a sign-up; cron sends with the same id.
      TARO_APP_ACTIVITY_REMINDER_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_ACTIVITY_REMINDER_TEMPLATE_ID ?? ''),
      // The template asked for in the tap that submits a work; cron sends its review news with the same id.
      TARO_APP_STORY_REVIEW_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_STORY_REVIEW_TEMPLATE_ID ?? ''),
      // The template a member accepts to hear of what is left in their 六个一 when the secretary reminds.
      TARO_APP_STUDY_REMINDER_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_STUDY_REMINDER_TEMPLATE_ID ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile: { include: sharedSourceDirs },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing needs no server rewrite rules beyond serving index.html at `/`.
      router: { mode: 'hash' },
      compile: { include: sharedSourceDirs },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of
        // the shared components, dayjs and zod (~170 KB each); split async chunks too.
        chain.optimization.merge({ splitChunks: { chunks: 'all' } });
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
