/** The SDK's error shape for a failed cloud call: `errCode` plus an `errMsg` naming the API. */
export class CloudCallError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg);
  }
}
