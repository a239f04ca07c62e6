/**
 * What a deployment must leave in a cloud environment, built from the files that already say it:
 * config/database.json (every collection, index and permission — the emulator's manifest too),
 * each function's config.json (timeout, timer triggers, openapi permissions) and the deploy config
 * (runtime, environment variables). Pure over its inputs, so tests build it without a network.
 */
import { CODE_HASH_VARIABLE } from '../../server/kernel/health';
import { CLOUDBASE_DEFAULT_TIMEOUT_SECONDS } from '../build-functions';
import type { DeployConfig } from './config';

export interface IndexSpec {
  name: string;
  keys: [field: string, direction: 1 | -1][];
  unique: boolean;
}

export interface CollectionSpec {
  name: string;
  permission: string;
  indexes: IndexSpec[];
}

export interface TriggerSpec {
  name: string;
  type: string;
  config: string;
}

export interface FunctionSpec {
  name: string;
  timeout: number;
  runtime: string;
  /** Cloud-call APIs config.json grants (uploaded with the code, where WeChat reads them). */
  openapi: string[];
  triggers: TriggerSpec[];
  /** Every variable set on the function; values of `secretVariables` are never printed. */
  envVariables: Record<string, string>;
  secretVariables: string[];
  /** Hash of the uploaded files; also set as CODE_HASH_VARIABLE so the next run and `--check` can compare. */
  codeHash: string;
}

export interface WeappSpec {
  appid: string;
  version: string;
  description: string;
  robot: number;
  /** Hash of the built dist/weapp, or null before it is built (a dry run). */
  codeHash: string | null;
}

export interface DeployManifest {
  envId: string;
  collections: CollectionSpec[];
  functions: FunctionSpec[];
  weapp: WeappSpec;
}

export { CODE_HASH_VARIABLE };

interface DatabaseManifestFile {
  collections: { name: string; permission: string; indexes: { name: string; keys: Record<string, 1 | -1>; unique?: boolean }[] }[];
}

export interface FunctionConfigFile {
  timeout?: number;
  triggers?: TriggerSpec[];
  permissions?: { openapi?: string[] };
}

export interface ManifestInputs {
  envId: string;
  config: DeployConfig;
  /** package.json's version. */
  version: string;
  database: DatabaseManifestFile;
  functions: { name: string; config: FunctionConfigFile; codeHash: string }[];
  weappCodeHash: string | null;
  checkinSecret: string;
}

export class ManifestError extends Error {}

/** The variables every function reads (server/, cloudfunctions/): the same values everywhere, the secret only where it is used. */
function environmentFor(name: string, inputs: ManifestInputs, codeHash: string): Pick<FunctionSpec, 'envVariables' | 'secretVariables'> {
  const { config } = inputs;
  const envVariables: Record<string, string> = {
    WXACODE_ENV_VERSION: config.wxacodeEnvVersion,
    ACTIVITY_REMINDER_TEMPLATE_ID: config.subscribeTemplates.activityReminder,
    STORY_REVIEW_TEMPLATE_ID: config.subscribeTemplates.storyReview,
    STUDY_REMINDER_TEMPLATE_ID: config.subscribeTemplates.studyReminder,
    CONTENT_SECURITY: config.contentSecurity ? 'on' : 'off',
    CHECKIN_LINK_BASE: config.checkinLinkBase,
    [CODE_HASH_VARIABLE]: codeHash,
  };
  if (name !== 'checkin') return { envVariables, secretVariables: [] };
  return { envVariables: { ...envVariables, CHECKIN_SECRET: inputs.checkinSecret }, secretVariables: ['CHECKIN_SECRET'] };
}

export function buildManifest(inputs: ManifestInputs): DeployManifest {
  const collections = inputs.database.collections.map((collection) => ({
    name: collection.name,
    permission: collection.permission,
    indexes: collection.indexes.map((index) => ({
      name: index.name,
      keys: Object.entries<1 | -1>(index.keys),
      unique: index.unique === true,
    })),
  }));
  const functions = inputs.functions.map(({ name, config, codeHash }) => {
    if (config.timeout === undefined) {
      throw new ManifestError(
        `cloudfunctions/${name}/config.json 没有设置 timeout（云开发默认 ${CLOUDBASE_DEFAULT_TIMEOUT_SECONDS} 秒，导入等操作不够用）`,
      );
    }
    return {
      name,
      timeout: config.timeout,
      runtime: inputs.config.runtime,
      openapi: [...(config.permissions?.openapi ?? [])].sort(),
      triggers: config.triggers ?? [],
      codeHash,
      ...environmentFor(name, inputs, codeHash),
    };
  });
  return {
    envId: inputs.envId,
    collections,
    functions,
    weapp: {
      appid: inputs.config.appid,
      version: inputs.version,
      description: inputs.config.weapp.description.replace('{version}', inputs.version),
      robot: inputs.config.weapp.robot,
      codeHash: inputs.weappCodeHash,
    },
  };
}

/** The manifest as `--dry-run` prints it: secret values replaced, nothing else changed. */
export function printableManifest(manifest: DeployManifest): unknown {
  return {
    ...manifest,
    functions: manifest.functions.map((fn) => ({
      ...fn,
      envVariables: Object.fromEntries(
        Object.entries(fn.envVariables).map(([key, value]) => [key, fn.secretVariables.includes(key) ? '（已隐藏）' : value]),
      ),
    })),
  };
}
