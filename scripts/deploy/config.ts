/**
 * The one file an organisation fills in to go live (deploy.config.json, from config/deploy.example.json):
 * its AppID, the runtime, subscribe-message templates, content security, the 小程序码 version and where
 * the check-in secret comes from. It holds no secret itself; secrets are named by environment variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

export const ROOT = join(__dirname, '..', '..');
export const DEFAULT_CONFIG_FILE = join(ROOT, 'deploy.config.json');
export const EXAMPLE_CONFIG_FILE = join(ROOT, 'config', 'deploy.example.json');

const templateId = z.string().regex(/^[\w-]*$/, '订阅消息模板 ID 只含字母、数字、- 和 _');

export const deployConfigSchema = z
  .object({
    $comment: z.string().optional(),
    /** The mini-program's AppID (mp.weixin.qq.com → 开发管理 → 开发设置). */
    appid: z.string().regex(/^wx[0-9a-f]{16}$/, 'AppID 形如 wx 加 16 位十六进制'),
    /** CloudBase's Node.js runtime for every function: the one the project is built for (scripts/build-functions.ts). */
    runtime: z.string().regex(/^Nodejs\d+\.\d+$/),
    weapp: z
      .object({
        /** miniprogram-ci's robot (1–30): each robot is a separate uploader in 版本管理. */
        robot: z.number().int().min(1).max(30),
        /** The version description; `{version}` becomes package.json's version. */
        description: z.string().min(1).max(200),
      })
      .strict(),
    /** Which build a 小程序码 and a subscribe message open: release for a live org, trial while testing. */
    wxacodeEnvVersion: z.enum(['release', 'trial', 'develop']),
    /** 订阅消息 → 我的模板: ids of the templates the app asks for; empty until registered (then nothing is sent). */
    subscribeTemplates: z.object({ activityReminder: templateId, storyReview: templateId, studyReminder: templateId }).strict(),
    /** WeChat content security on every submitted text and image; off only for an internal trial. */
    contentSecurity: z.boolean(),
    /** The link prefix the rotating check-in QR codes carry (register it under 扫普通链接二维码打开小程序). */
    checkinLinkBase: z.string().url(),
    /** The environment variable that holds the check-in HMAC secret at deploy time (≥ 32 characters). */
    checkinSecretFrom: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  })
  .strict();
export type DeployConfig = z.infer<typeof deployConfigSchema>;

export class DeployConfigError extends Error {}

/** Reads and checks a config file; the example stands in for a dry run when no config exists yet. */
export function loadDeployConfig(file: string, allowExample: boolean): { config: DeployConfig; file: string } {
  const chosen = existsSync(file) ? file : allowExample ? EXAMPLE_CONFIG_FILE : null;
  if (!chosen) {
    throw new DeployConfigError(
      `找不到部署配置 ${file}：请复制 config/deploy.example.json 为 deploy.config.json 并填写。\n` +
        `Deploy config ${file} not found: copy config/deploy.example.json to deploy.config.json and fill it in.`,
    );
  }
  const parsed = deployConfigSchema.safeParse(JSON.parse(readFileSync(chosen, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(根)'}: ${issue.message}`).join('\n');
    throw new DeployConfigError(`部署配置 ${chosen} 有误 / Invalid deploy config:\n${problems}`);
  }
  return { config: parsed.data, file: chosen };
}
