export async function exportStatus(_input: unknown, _ctx: unknown): Promise<never> {
  throw new Error('not built');
}
