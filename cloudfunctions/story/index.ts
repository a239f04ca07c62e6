import cloud from 'wx-server-sdk';
import { handle, initCloud } from '../../server/kernel/dispatch';
import { storyRouter } from './router';

initCloud(cloud);

export const main = handle(cloud, storyRouter);
