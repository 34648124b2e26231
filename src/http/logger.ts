// The server's logger: pino, with every place a secret could appear redacted.
import { pino, type DestinationStream, type Logger } from 'pino';

const SECRET_KEYS = ['password', 'credentials', 'secret', 'token', 'accessToken', 'consumerSecret', 'consumerKey', 'authorization', 'cookie'];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    { level: options.level ?? 'info', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    options.destination ?? pino.destination(2),
  );
}
