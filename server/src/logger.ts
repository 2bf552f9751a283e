export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * One JSON object per line. Callers pass only what is safe to keep: never a token, an invite code or a header
 * (requests are logged by method, path and status; see app.ts).
 */
export function createJsonLogger(
  write: (line: string) => void = (l) => process.stdout.write(l),
  level: LogLevel = 'info',
): Logger {
  const min = LEVELS.indexOf(level);
  const log = (lvl: LogLevel) => (msg: string, fields?: LogFields) => {
    if (LEVELS.indexOf(lvl) < min) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields })}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
