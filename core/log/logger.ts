import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Keys whose values never reach a log, wherever they sit in a log object. Personal data keys are
 * here too: a log line may record that a request was stored, never whose it was.
 */
export const REDACTED_KEYS = [
  'key',
  'vaultKey',
  'rawKey',
  'recoveryKey',
  'passphrase',
  'password',
  'secret',
  'token',
  'subjectRef',
  'email',
  'phone',
  'value',
  'values',
  'sample',
  'samples',
  'before',
  'after',
] as const;

const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

// Catches secrets that arrive inside message strings rather than under a known key.
const SECRET_PATTERNS: RegExp[] = [
  /x'[0-9a-fA-F]{32,}'/g,
  /\b[0-9a-fA-F]{64,}\b/g,
  /\b(?:[0-9A-Z]{5}-){10}[0-9A-Z]{1,5}\b/g,
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
];

export function scrubText(text: string): string {
  return SECRET_PATTERNS.reduce((result, pattern) => result.replace(pattern, '[Redacted]'), text);
}

let root: Logger | null = null;

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads SYNAPSE_LOG_LEVEL. An unknown level falls back to "warn" with one line on stderr, so a
 * typo in the environment never stops the app from starting.
 */
function logLevelFromEnvironment(): string {
  const requested = process.env.SYNAPSE_LOG_LEVEL;
  if (requested === undefined || requested === '') return 'warn';
  if (LEVELS.includes(requested)) return requested;

  process.stderr.write(
    `SYNAPSE_LOG_LEVEL "${requested}" is not a log level (use one of ${LEVELS.join(', ')}); ` +
      'logging at "warn".\n',
  );
  return 'warn';
}

/**
 * Creates the process-wide logger. Logs go to stderr by default so that `--json` output on stdout
 * stays parseable; the level comes from SYNAPSE_LOG_LEVEL (default "warn").
 */
export function createRootLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: logLevelFromEnvironment(),
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (error: unknown) => {
          const serialized = pino.stdSerializers.err(error as Error);
          return { ...serialized, message: scrubText(serialized.message), stack: undefined };
        },
      },
    },
    destination ?? pino.destination(2),
  );
}

/** Returns the logger of one module, as a child of the process-wide logger. */
export function moduleLogger(module: string): Logger {
  root ??= createRootLogger();
  return root.child({ module });
}

/** Replaces the process-wide logger, for tests that read what is logged. */
export function setRootLogger(logger: Logger): void {
  root = logger;
}
