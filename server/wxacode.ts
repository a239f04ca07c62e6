/**
 * 小程序码 through the cloud-call openapi (`wxacode.getUnlimited`, declared in the function's
 * config.json permissions). Codes are permanent and the call is rate limited (5000/min), so callers
 * store the image in cloud storage once and reuse it.
 */
import cloud from 'wx-server-sdk';
import { isValidScene } from '../core/scene';
import { temporaryUrl, uploadFile } from './files';
import { fail } from './kernel/failure';

/** The platform's "minute quota used up" error. */
const RATE_LIMITED_ERRCODE = 45009;
const ENV_VERSIONS = ['release', 'trial', 'develop'] as const;
type EnvVersion = (typeof ENV_VERSIONS)[number];

/**
 * Which build a scanned code opens. Production leaves it unset (release); a trial deployment sets
 * WXACODE_ENV_VERSION=trial in the function's environment so its codes open the trial build.
 */
function envVersion(): EnvVersion {
  const configured = process.env.WXACODE_ENV_VERSION;
  return ENV_VERSIONS.find((version) => version === configured) ?? 'release';
}

interface OpenApiImage {
  contentType: string;
  buffer: Buffer;
}

interface MiniProgramCode {
  content: Buffer;
  /** File extension for the stored copy, from the content type the platform sent. */
  extension: 'png' | 'jpg';
}

async function createMiniProgramCode(options: { page: string; scene: string; width?: number }): Promise<MiniProgramCode> {
  if (!isValidScene(options.scene)) throw new RangeError(`invalid wxacode scene "${options.scene}"`);
  let image: OpenApiImage;
  try {
    image = (await cloud.openapi.wxacode.getUnlimited({
      page: options.page,
      scene: options.scene,
      width: options.width ?? 430,
      // Codes for a page not yet released must still be printable before the release goes out.
      checkPath: false,
      envVersion: envVersion(),
    })) as OpenApiImage;
  } catch (error) {
    if ((error as { errCode?: unknown }).errCode === RATE_LIMITED_ERRCODE) {
      fail('RATE_LIMITED', { message: '小程序码生成太频繁，请一分钟后再试' });
    }
    throw error;
  }
  return { content: image.buffer, extension: /png/i.test(image.contentType) ? 'png' : 'jpg' };
}

export interface StoredMiniProgramCode {
  fileID: string;
  /** A temporary HTTPS link to the image (server/files). */
  url: string;
}

/**
 * A code made once and kept: the stored copy when `storedFileId` is set; otherwise a new code is
 * made, uploaded to `<cloudPath>.<png|jpg>` and handed to `remember` to note on its document. Two
 * first calls racing both make it and write the same path, which costs one extra platform call.
 */
export async function storedMiniProgramCode(options: {
  storedFileId: string | undefined;
  page: string;
  scene: string;
  cloudPath: string;
  remember: (fileID: string) => Promise<void>;
}): Promise<StoredMiniProgramCode> {
  let fileID = options.storedFileId;
  if (fileID === undefined) {
    const image = await createMiniProgramCode({ page: options.page, scene: options.scene });
    fileID = await uploadFile(`${options.cloudPath}.${image.extension}`, image.content);
    await options.remember(fileID);
  }
  return { fileID, url: await temporaryUrl(fileID) };
}
