import * as z from 'zod';
import { importRowErrorSchema, MAX_IMPORT_BASE64 } from '../common';

/** 花名册 columns, in template order. 手机后四位 may be left blank. */
export const ROSTER_COLUMNS = ['姓名', '所在党支部', '政治面貌', '手机后四位'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/**
 * Inline files share the question bank's cap: base64 of a small file inside the 100 KB
 * callFunction payload (a few hundred roster rows). Bigger rosters go to cloud storage first
 * (`wx.cloud.uploadFile`) and are named by `fileID`; the function downloads them itself.
 */
export const MAX_ROSTER_INLINE_BASE64 = MAX_IMPORT_BASE64;

/** `cloud://<env>.<bucket>/<path>.xlsx` as `wx.cloud.uploadFile` returns it. */
export const rosterFileIdSchema = z
  .string()
  .max(500)
  .regex(/^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._/-]+\.xlsx$/, '不是云存储中的 .xlsx 文件')
  .refine((fileID) => !fileID.includes('..') && !fileID.includes('//', 'cloud://'.length), '不是云存储中的 .xlsx 文件');

const fileInputSchema = z
  .object({
    mode: z.enum(['validate', 'import']),
    fileBase64: z
      .string()
      .min(1)
      .max(MAX_ROSTER_INLINE_BASE64, '文件过大，请先上传到云存储再以 fileID 导入')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '不是 base64')
      .optional(),
    fileID: rosterFileIdSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.fileBase64 === undefined && input.fileID === undefined) {
      ctx.addIssue({ code: 'custom', path: ['fileBase64'], message: '请选择要导入的花名册文件' });
    } else if (input.fileBase64 !== undefined && input.fileID !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['fileID'], message: '文件只能以一种方式提供' });
    }
  });

/** The roster spreadsheet template, with this organisation's branches as the 所在党支部 choices. */
export const rosterTemplateContract = {
  input: z.object({}).strict(),
  output: z.object({ templateBase64: z.string() }),
};

/** 花名册导入 — org admins only (router). 'validate' never writes; 'import' writes only a file without errors. */
export const importRosterContract = {
  input: fileInputSchema,
  output: z.object({
    /** Non-empty data rows in the file. */
    rows: z.number().int(),
    /** Entries new to the roster. */
    created: z.number().int(),
    /** Entries already on the roster (same branch, name and phone tail), refreshed in place. */
    updated: z.number().int(),
    /** Set when something was written. */
    importId: z.string().nullable(),
    errors: z.array(importRowErrorSchema),
  }),
};
