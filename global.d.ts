/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform Taro builds for; replaced by a literal at build time so dead branches drop out. */
    TARO_ENV?: 'weapp' | 'h5';
    /** CloudBase environment id; empty selects the appid's default environment. */
    TARO_APP_CLOUD_ENV?: string;
    TARO_APP_ACTIVITY_REMINDER_TEMPLATE_ID?: string;
    TARO_APP_STORY_REVIEW_TEMPLATE_ID?: string;
    TARO_APP_STUDY_REMINDER_TEMPLATE_ID?: string;
  }
}
