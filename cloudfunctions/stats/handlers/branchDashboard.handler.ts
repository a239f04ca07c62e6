export async function branchDashboard(_input: unknown, _ctx: unknown): Promise<never> {
  throw new Error('not built');
}
