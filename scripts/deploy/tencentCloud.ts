/**
 * The real environment: @cloudbase/manager-node (collections, indexes, permissions, creating a
 * function with its runtime, settings and triggers, invocation), miniprogram-ci (function code with
 * its config.json — where WeChat reads the openapi permissions — and the mini-program itself) and wx-server-sdk initialised
 * with the API key for the few documents the tool keeps (`settings`). The libraries are loaded only
 * here, so the plan, the dry run and their tests never load them. Only a real environment exercises
 * this file; README "上线部署" says what `--check` then proves.
 */
import { join } from 'node:path';
import type { DeployCredentials } from './credentials';
import type { DeployManifest, IndexSpec } from './manifest';
import type { DeployedFunction, DeployedState, DeployStep } from './plan';
import type { CheckTarget, DeployedFunctionFacts, DeployTarget } from './target';
import { BOOTSTRAP_DOC_ID, SETTINGS_COLLECTION } from '../../server/bootstrap';
import { ROOT } from './config';

/** The staged function folders (index.js, package.json, config.json only) that are uploaded. */
export const STAGED_FUNCTIONS_DIR = join(ROOT, 'dist', 'functions');
const WEAPP_STATE_DOC_ID = 'deploy_weapp';

interface ManagerIndex {
  Name: string;
  Unique: boolean;
  Keys: { Name: string; Direction: string }[];
}

/** The parts of @cloudbase/manager-node this tool calls (its own typings are much wider). */
interface Manager {
  database: {
    checkCollectionExists(name: string): Promise<{ Exists: boolean }>;
    createCollectionIfNotExists(name: string): Promise<unknown>;
    describeCollection(name: string): Promise<{ Indexes?: ManagerIndex[] }>;
    updateCollection(
      name: string,
      change: {
        CreateIndexes?: {
          IndexName: string;
          MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean };
        }[];
        DropIndexes?: { IndexName: string }[];
      },
    ): Promise<unknown>;
  };
  functions: {
    getFunctionDetail(name: string): Promise<{
      Timeout: number;
      Runtime: string;
      Environment?: { Variables?: { Key: string; Value: string }[] };
      Triggers?: { TriggerName: string; Type: string; TriggerDesc?: string }[];
    }>;
    createFunction(options: {
      func: { name: string; runtime: string; timeout: number; envVariables: Record<string, string>; installDependency: boolean };
      functionRootPath: string;
      force: boolean;
    }): Promise<unknown>;
    updateFunctionConfig(config: { name: string; timeout: number; envVariables: Record<string, string> }): Promise<unknown>;
    createFunctionTriggers(name: string, triggers: { name: string; type: string; config: string }[]): Promise<unknown>;
    invokeFunction(name: string, params: Record<string, unknown>): Promise<{ RetMsg: string }>;
  };
  commonService(service?: string): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<Record<string, unknown>> };
}

interface MiniprogramCi {
  Project: new (options: { appid: string; type: 'miniProgram'; projectPath: string; privateKey: string; ignores: string[] }) => unknown;
  upload(options: { project: unknown; version: string; desc: string; robot: number; setting: Record<string, boolean> }): Promise<unknown>;
  cloud: {
    uploadFunction(options: { project: unknown; env: string; name: string; path: string; remoteNpmInstall: boolean }): Promise<unknown>;
  };
}

interface AdminCollection {
  doc(id: string): {
    get(): Promise<{ data: Record<string, unknown> }>;
    set(options: { data: Record<string, unknown> }): Promise<unknown>;
    remove(): Promise<unknown>;
  };
  add(options: { data: Record<string, unknown> }): Promise<unknown>;
}

const nodeRequire = require as unknown as NodeJS.Require;

function toIndexSpec(index: ManagerIndex): IndexSpec {
  return { name: index.Name, unique: index.Unique, keys: index.Keys.map((key) => [key.Name, Number(key.Direction) === -1 ? -1 : 1]) };
}

function isNotFound(error: unknown): boolean {
  return /ResourceNotFound|not exist|不存在/i.test(String((error as { code?: string; message?: string }).code ?? (error as Error).message));
}

function isDuplicate(error: unknown): boolean {
  return /duplicate|E11000|-502001/i.test(`${(error as { errCode?: number }).errCode ?? ''} ${(error as Error).message}`);
}

export function tencentCloud(manifest: DeployManifest, credentials: DeployCredentials): DeployTarget & CheckTarget {
  const { envId } = manifest;
  const CloudBase = nodeRequire('@cloudbase/manager-node') as new (options: {
    secretId: string;
    secretKey: string;
    envId: string;
  }) => Manager;
  const manager = new CloudBase({ secretId: credentials.secretId, secretKey: credentials.secretKey, envId });
  const ci = () => nodeRequire('miniprogram-ci') as MiniprogramCi;
  const project = () =>
    new (ci().Project)({
      appid: manifest.weapp.appid,
      type: 'miniProgram',
      projectPath: ROOT,
      privateKey: credentials.uploadPrivateKey,
      ignores: ['node_modules/**/*'],
    });
  const admin = () => {
    const sdk = nodeRequire('wx-server-sdk') as {
      init(options: { env: string; secretId: string; secretKey: string }): void;
      database(): { collection(name: string): AdminCollection };
    };
    sdk.init({ env: envId, secretId: credentials.secretId, secretKey: credentials.secretKey });
    return sdk.database();
  };
  const settingsDoc = async (id: string): Promise<Record<string, unknown> | null> => {
    try {
      return (await admin().collection(SETTINGS_COLLECTION).doc(id).get()).data;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  const readFunction = async (name: string): Promise<DeployedFunction | null> => {
    try {
      const detail = await manager.functions.getFunctionDetail(name);
      return {
        timeout: detail.Timeout,
        runtime: detail.Runtime,
        envVariables: Object.fromEntries((detail.Environment?.Variables ?? []).map(({ Key, Value }) => [Key, Value])),
        triggers: (detail.Triggers ?? []).map((trigger) => ({
          name: trigger.TriggerName,
          type: trigger.Type,
          config: trigger.TriggerDesc ?? '',
        })),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  const listIndexes = async (collection: string): Promise<IndexSpec[] | null> => {
    if (!(await manager.database.checkCollectionExists(collection)).Exists) return null;
    return ((await manager.database.describeCollection(collection)).Indexes ?? []).map(toIndexSpec);
  };

  return {
    async readState(wanted) {
      const collections: DeployedState['collections'] = {};
      for (const { name } of wanted.collections) {
        const indexes = await listIndexes(name);
        if (!indexes) continue;
        const acl = await manager
          .commonService('tcb')
          .call({ Action: 'DescribeDatabaseACL', Param: { EnvId: envId, CollectionName: name } });
        collections[name] = { permission: typeof acl['AclTag'] === 'string' ? acl['AclTag'] : null, indexes };
      }
      const functions: DeployedState['functions'] = {};
      for (const { name } of wanted.functions) {
        const deployed = await readFunction(name);
        if (deployed) functions[name] = deployed;
      }
      const hasSettings = collections[SETTINGS_COLLECTION] !== undefined;
      const weapp = hasSettings ? await settingsDoc(WEAPP_STATE_DOC_ID) : null;
      const bootstrap = hasSettings ? await settingsDoc(BOOTSTRAP_DOC_ID) : null;
      return {
        collections,
        functions,
        weapp: weapp ? { version: String(weapp['version']), codeHash: String(weapp['codeHash']) } : null,
        bootstrap: !bootstrap ? 'absent' : bootstrap['spentAt'] ? 'spent' : 'issued',
      };
    },

    async apply(step: DeployStep, context) {
      switch (step.kind) {
        case 'createCollection':
          await manager.database.createCollectionIfNotExists(step.collection);
          return;
        case 'setPermission':
          await manager.commonService('tcb').call({
            Action: 'ModifyDatabaseACL',
            Param: { EnvId: envId, CollectionName: step.collection, AclTag: step.permission },
          });
          return;
        case 'createIndex': {
          const create = {
            IndexName: step.index.name,
            MgoKeySchema: {
              MgoIndexKeys: step.index.keys.map(([field, direction]) => ({ Name: field, Direction: String(direction) })),
              MgoIsUnique: step.index.unique,
            },
          };
          await manager.database.updateCollection(step.collection, {
            ...(step.replaces ? { DropIndexes: [{ IndexName: step.index.name }] } : {}),
            CreateIndexes: [create],
          });
          return;
        }
        case 'createFunction':
          await manager.functions.createFunction({
            func: {
              name: step.fn.name,
              runtime: step.fn.runtime,
              timeout: step.fn.timeout,
              envVariables: step.fn.envVariables,
              installDependency: true,
            },
            functionRootPath: STAGED_FUNCTIONS_DIR,
            force: false,
          });
          return;
        case 'uploadFunction':
          await ci().cloud.uploadFunction({
            project: project(),
            env: envId,
            name: step.fn.name,
            path: join(STAGED_FUNCTIONS_DIR, step.fn.name),
            remoteNpmInstall: true,
          });
          return;
        case 'configureFunction':
          await manager.functions.updateFunctionConfig({
            name: step.fn.name,
            timeout: step.fn.timeout,
            envVariables: step.fn.envVariables,
          });
          return;
        case 'setTriggers':
          await manager.functions.createFunctionTriggers(step.fn.name, step.fn.triggers);
          return;
        case 'issueBootstrapCode':
          if (!context.bootstrapCodeHash) throw new Error('issueBootstrapCode needs the code hash');
          await admin()
            .collection(SETTINGS_COLLECTION)
            .doc(BOOTSTRAP_DOC_ID)
            .set({ data: { codeHash: context.bootstrapCodeHash, issuedAt: new Date(), spentAt: null, spentBy: null } });
          return;
        case 'uploadWeapp':
          await ci().upload({
            project: project(),
            version: step.version,
            desc: step.description,
            robot: manifest.weapp.robot,
            setting: { es6: true, minify: true },
          });
          await admin()
            .collection(SETTINGS_COLLECTION)
            .doc(WEAPP_STATE_DOC_ID)
            .set({ data: { version: step.version, codeHash: step.codeHash, uploadedAt: new Date() } });
          return;
      }
    },

    async invoke(fn, event) {
      const reply = await manager.functions.invokeFunction(fn, event);
      return JSON.parse(reply.RetMsg) as unknown;
    },

    async describeFunction(fn): Promise<DeployedFunctionFacts | null> {
      const deployed = await readFunction(fn);
      return deployed ? { timeout: deployed.timeout, runtime: deployed.runtime } : null;
    },

    listIndexes,

    async insert(collection, doc) {
      try {
        await admin().collection(collection).add({ data: doc });
        return 'inserted';
      } catch (error) {
        if (isDuplicate(error)) return 'duplicate';
        throw error;
      }
    },

    async remove(collection, id) {
      try {
        await admin().collection(collection).doc(id).remove();
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
