/**
 * Structured JSON logs, one line per event: CloudBase's log search indexes JSON fields, and the
 * local runner can silence them with HONGTU_LOG=silent so test output stays readable.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createLogger(base: Record<string, unknown>): Logger {
  const write = (level: LogLevel, event: string, fields?: Record<string, unknown>) => {
    if (process.env.HONGTU_LOG === 'silent') return;
    const line = JSON.stringify({ level, event, at: new Date().toISOString(), ...base, ...fields });
    if (level === 'error') console.error(line);
    else console.log(line);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
