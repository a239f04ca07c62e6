/** What the H5 and weapp roster-import tests share: a stand-in importRoster and the page's buttons. */
import { screen, within } from '@testing-library/react';

export type RosterInput = { mode: 'validate' | 'import'; fileBase64?: string; fileID?: string };
export type RowError = { row: number; field: string; message: string };
type SheetReply = { rows: number; errors: RowError[] };

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function button(name: string): HTMLButtonElement {
  return screen.getByRole<HTMLButtonElement>('button', { name });
}

/** The 行号/列/问题 table as text, header row first. */
export function errorRows(): Array<string | null> {
  return within(screen.getByRole('table'))
    .getAllByRole('row')
    .map((row) => row.textContent);
}

function reply({ rows, errors }: SheetReply, created = 0, updated = 0) {
  return { ok: true, data: { rows, created, updated, importId: created + updated > 0 ? 'imp-1' : null, errors } };
}

/**
 * Answers member.rosterTemplate and member.importRoster through the mocked callFunction. 'validate' and 'import' take their
 * replies from the queues; an empty queue means a sheet with no rows, or an import of 3 new and 1 updated.
 */
export function fakeImportRoster(callFunction: jest.Mock) {
  const validateReplies: SheetReply[] = [];
  const importReplies: SheetReply[] = [];
  callFunction.mockImplementation(async (_name: string, action: string, input: RosterInput) => {
    if (action === 'rosterTemplate') return { ok: true, data: { templateBase64: base64('template-bytes') } };
    if (input.mode === 'validate') return reply(validateReplies.shift() ?? { rows: 0, errors: [] });
    const next = importReplies.shift();
    return next ? reply(next) : reply({ rows: 4, errors: [] }, 3, 1);
  });
  return {
    validateReplies,
    importReplies,
    /** What the page sent to importRoster in `mode`, oldest first. */
    calls(mode: RosterInput['mode']): RosterInput[] {
      return callFunction.mock.calls
        .filter(([name, action, input]) => name === 'member' && action === 'importRoster' && (input as RosterInput).mode === mode)
        .map(([, , input]) => input as RosterInput);
    },
  };
}
