export async function confirmReport(_input: unknown, _ctx: unknown): Promise<never> {
  throw new Error('not built');
}
