/** The join page an invite opens, as both the share path and the 小程序码 use it. */
export const JOIN_PAGE = 'pages/join/index';

export function invitePath(code: string): string {
  return `${JOIN_PAGE}?code=${code}`;
}
