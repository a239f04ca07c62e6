import cloud from 'wx-server-sdk';
import { isMediaCheckPush } from '../../server/contentSecurity';
import { handle, initCloud } from '../../server/kernel/dispatch';
import { receiveMediaCheck } from './mediaCheckPush';
import { storyRouter } from './router';

initCloud(cloud);

const answerCall = handle(cloud, storyRouter);
const answerPush = receiveMediaCheck(cloud);

/** A member's call, or WeChat pushing an image check's verdict (mediaCheckPush.ts), which names no action. */
export const main = (event: unknown, context?: unknown) =>
  isMediaCheckPush(event) ? answerPush(event, context) : answerCall(event, context);
