/**
 * The mocked story function the 写投稿 tests answer from: `story.campaigns` lists one open campaign taking 心得
 * unless a test says otherwise and every other call goes to the test's handlers. A call no handler
 * answers gets an INTERNAL failure naming it (a throw would surface as an unhandled rejection from an
 * autosave, far from the test); tests assert the calls they expect.
 */
import { fireEvent, screen } from '@testing-library/react';
import { campaign } from './storyFixtures';

export type Handler = (input: Record<string, unknown>) => unknown;

export function serveStory(callFunction: jest.Mock, handlers: Record<string, Handler> = {}): void {
  callFunction.mockImplementation(async (name: string, action: string, input: Record<string, unknown>) => {
    const handler = handlers[`${name}.${action}`] ?? handlers[action];
    if (handler) return handler(input);
    if (name === 'story' && action === 'campaigns')
      return { ok: true, data: { items: [campaign({ kinds: ['article', 'reflection'] })], nextCursor: null } };
    return { ok: false, error: { code: 'INTERNAL', message: `unexpected ${name}.${action}` } };
  });
}

export function typeInto(container: HTMLElement, name: string, value: string): void {
  const element = container.querySelector(`[name="${name}"]`);
  if (!element) throw new Error(`no field named ${name}`);
  fireEvent.change(element, { target: { value } });
}

/** The field's own error line under the field labelled `label` (not a line inside it, such as one photo's), or null. */
export function fieldError(label: string): string | null {
  const field = screen.getByText(label).closest('.ht-field') as HTMLElement;
  return field.querySelector(':scope > .ht-field__error')?.textContent ?? null;
}
