import { buildTemplate } from '../bank/sheet';

export async function bankTemplate(_input: Record<string, never>) {
  return { templateBase64: (await buildTemplate()).toString('base64') };
}
