/**
 * The secrets a deployment needs, read from the environment (never from the repo) and checked before
 * anything touches the network: the mini-program upload key (miniprogram-ci), the Tencent Cloud API
 * key (@cloudbase/manager-node, @cloudbase/node-sdk) and the check-in HMAC secret. Output that might
 * carry them goes through `redact`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { DeployConfig } from './config';
import { ROOT } from './config';

export interface DeployCredentials {
  /** The upload key's PEM text (mp.weixin.qq.com → 开发管理 → 开发设置 → 小程序代码上传). */
  uploadPrivateKey: string;
  secretId: string;
  secretKey: string;
  checkinSecret: string;
}

export const UPLOAD_KEY_PATH_VARIABLE = 'MINIPROGRAM_PRIVATE_KEY_PATH';
export const SECRET_ID_VARIABLE = 'TENCENTCLOUD_SECRET_ID';
export const SECRET_KEY_VARIABLE = 'TENCENTCLOUD_SECRET_KEY';
/**
 * Long enough that the rotating codes' HMAC cannot be brute-forced offline (server/checkinSecret.ts),
 * in the form the console's 环境变量 accept: a letter, then letters, digits and `_`, at most 64.
 */
export const MIN_CHECKIN_SECRET_LENGTH = 32;
const CHECKIN_SECRET_FORM = /^[A-Za-z][A-Za-z0-9_]{31,63}$/;

/** The process environment, or a test's stand-in for it. */
export type Environment = Readonly<Record<string, string | undefined>>;

export class CredentialsError extends Error {}

function insideRepo(path: string): boolean {
  const fromRoot = relative(ROOT, resolve(path));
  return !fromRoot.startsWith('..') && !fromRoot.startsWith('/');
}

/**
 * Every missing or unusable credential at once, in Chinese and English, naming variables only.
 * A key file inside the repository is refused: one `git add .` would publish it.
 */
export function readCredentials(env: Environment, config: DeployConfig): DeployCredentials {
  const problems: string[] = [];
  const keyPath = env[UPLOAD_KEY_PATH_VARIABLE];
  let uploadPrivateKey = '';
  if (!keyPath) {
    problems.push(
      `缺少 ${UPLOAD_KEY_PATH_VARIABLE}（小程序代码上传密钥文件的路径）/ missing ${UPLOAD_KEY_PATH_VARIABLE} (path of the upload key file)`,
    );
  } else if (insideRepo(keyPath)) {
    problems.push(`${UPLOAD_KEY_PATH_VARIABLE} 指向仓库内的文件，请移到仓库之外 / the upload key must live outside the repository`);
  } else if (!existsSync(keyPath)) {
    problems.push(`${UPLOAD_KEY_PATH_VARIABLE} 指向的文件不存在 / the upload key file does not exist`);
  } else {
    uploadPrivateKey = readFileSync(keyPath, 'utf8');
  }
  const secretId = env[SECRET_ID_VARIABLE] ?? '';
  const secretKey = env[SECRET_KEY_VARIABLE] ?? '';
  if (!secretId) problems.push(`缺少 ${SECRET_ID_VARIABLE}（腾讯云 API 密钥 SecretId）/ missing ${SECRET_ID_VARIABLE}`);
  if (!secretKey) problems.push(`缺少 ${SECRET_KEY_VARIABLE}（腾讯云 API 密钥 SecretKey）/ missing ${SECRET_KEY_VARIABLE}`);
  const checkinSecret = env[config.checkinSecretFrom] ?? '';
  if (!CHECKIN_SECRET_FORM.test(checkinSecret)) {
    problems.push(
      `${config.checkinSecretFrom} 未设置，或不是以字母开头、${MIN_CHECKIN_SECRET_LENGTH}–64 位的字母数字下划线（签到码的签名密钥，` +
        `可用 node -e "console.log('k' + require('crypto').randomBytes(30).toString('hex'))" 生成）/ ` +
        `${config.checkinSecretFrom} must hold the check-in secret: a letter, then ${MIN_CHECKIN_SECRET_LENGTH - 1}–63 letters, digits or _`,
    );
  }
  if (problems.length > 0) {
    throw new CredentialsError(
      `部署前检查未通过，未做任何改动 / Nothing was changed:\n${problems.map((line) => `  - ${line}`).join('\n')}`,
    );
  }
  return { uploadPrivateKey, secretId, secretKey, checkinSecret };
}

/** The text with every secret value replaced, for anything that is printed or logged. */
export function redact(text: string, credentials: Partial<DeployCredentials>): string {
  return Object.values(credentials)
    .filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8)
    .reduce((safe, secret) => safe.split(secret).join('***'), text);
}
