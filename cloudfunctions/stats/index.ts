import cloud from 'wx-server-sdk';
import { handle, initCloud } from '../../server/kernel/dispatch';
import { statsRouter } from './router';

initCloud(cloud);

export const main = handle(cloud, statsRouter);
