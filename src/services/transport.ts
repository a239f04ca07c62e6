/** The wire step shared by both platforms: the event goes out, whatever the function answered comes back. */
export interface FunctionEventPayload {
  action: string;
  input: unknown;
}

export type Transport = (name: string, event: FunctionEventPayload) => Promise<unknown>;
