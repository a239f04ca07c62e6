/**
 * The one closed set of error codes every function may return (ARCHITECTURE.md, "Errors and the result shape").
 * Messages are what a member reads in a toast, so they are Chinese and never carry internals.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '请先加入党支部',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  CLOSED: '不在开放时间内',
  FULL: '名额已满',
  DUPLICATE: '请勿重复操作',
  EXPIRED: '已过期，请重新获取',
  CONTENT_REJECTED: '内容未通过安全检测，请修改后再提交',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务开小差了，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
