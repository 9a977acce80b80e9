import { MUNICIPAL_TIME_ZONE } from '@fremdrift/progress';
import { resolve } from 'node:path';
import { levels, type LevelWithSilent } from 'pino';
import { booleanFrom, ConfigError, integerFrom, portFrom } from './config-values';
import { identityConfigFrom, type IdentityConfig } from './identity-config';
import { openDataConfigFrom, type OpenDataConfig } from './open-data-config';

export { ConfigError } from './config-values';

export interface AppConfig {
  port: number;
  host: string;
  /** External PostgreSQL; when null an embedded server is started. */
  databaseUrl: string | null;
  database: {
    /** Connections per app process. */
    poolSize: number;
    /** A request that waits longer than this for a free connection gets 503. */
    acquireTimeoutMs: number;
    /** PostgreSQL ends any statement that runs longer than this. */
    statementTimeoutMs: number;
    /** PostgreSQL ends a session left idle inside a transaction for longer than this. */
    idleInTransactionTimeoutMs: number;
  };
  /** The address the public reaches the app at; absolute links (feeds, sitemaps) are built from it. */
  publicUrl: string;
  embeddedPostgres: { dataDir: string; port: number };
  /** Load the demo data when the database is empty. */
  demoData: boolean;
  /** The day the demo data is anchored to (`YYYY-MM-DD`); null for today in the municipality. */
  demoToday: string | null;
  /** The built web app, served on the same port; null to serve the API alone. */
  webRoot: string | null;
  timeZone: string;
  auth: {
    /** A session ends after this long without a request. */
    sessionIdleMinutes: number;
    /** A session ends this long after sign-in, however active. */
    sessionMaxHours: number;
    /** Secure cookies: always, never, or when the request came over HTTPS ('auto'). */
    secureCookies: 'auto' | boolean;
  };
  /** Trust X-Forwarded-* from a reverse proxy (client IP for rate limiting, HTTPS for cookies). */
  trustProxy: boolean;
  /** Signs the unsubscribe links in e-mails; when null, a key generated at installation (in the database) is used. */
  unsubscribeSecret: string | null;
  /** Run scheduled and queued jobs (pg-boss) in this process; off in tests that do not test jobs. */
  jobsEnabled: boolean;
  mail: {
    /** SMTP server for outgoing e-mail (smtp:// or smtps://); when null messages are held in the outbox. */
    smtpUrl: string | null;
    /** The From address of every message. */
    from: string;
  };
  /** Sign-in through the municipality's identity provider, and who may still sign in with a password. */
  identity: IdentityConfig;
  /** The municipality as publisher of the open data (DCAT catalog), and its accessibility statement. */
  openData: OpenDataConfig;
  log: {
    /** The least severe level written; `silent` writes nothing. */
    level: LevelWithSilent;
    /** JSON lines on stdout, or readable lines for development (needs the devDependency pino-pretty). */
    format: 'json' | 'pretty';
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: portFrom(env, 'PORT', 3000),
    host: env['HOST'] || '0.0.0.0',
    databaseUrl: env['DATABASE_URL'] || null,
    database: {
      poolSize: integerFrom(env, 'DATABASE_POOL_SIZE', 10, 2, 200),
      acquireTimeoutMs: integerFrom(env, 'DATABASE_ACQUIRE_TIMEOUT_MS', 5_000, 100, 120_000),
      statementTimeoutMs: integerFrom(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 100, 3_600_000),
      idleInTransactionTimeoutMs: integerFrom(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000, 100, 3_600_000),
    },
    publicUrl: publicUrlFrom(env, portFrom(env, 'PORT', 3000)),
    embeddedPostgres: {
      dataDir: resolve(env['EMBEDDED_PG_DIR'] || '.data/postgres'),
      port: portFrom(env, 'EMBEDDED_PG_PORT', 5433),
    },
    demoData: booleanFrom(env, 'DEMO_DATA', true),
    demoToday: dayFrom(env, 'DEMO_TODAY'),
    webRoot: env['WEB_ROOT'] === '' ? null : resolve(env['WEB_ROOT'] || 'dist/web/browser'),
    timeZone: env['TZ_MUNICIPALITY'] || MUNICIPAL_TIME_ZONE,
    auth: {
      sessionIdleMinutes: integerFrom(env, 'SESSION_IDLE_MINUTES', 480, 1, 60 * 24 * 30),
      sessionMaxHours: integerFrom(env, 'SESSION_MAX_HOURS', 24 * 7, 1, 24 * 365),
      secureCookies:
        env['SECURE_COOKIES'] === undefined || env['SECURE_COOKIES'] === '' || env['SECURE_COOKIES'] === 'auto'
          ? 'auto'
          : booleanFrom(env, 'SECURE_COOKIES', false),
    },
    trustProxy: booleanFrom(env, 'TRUST_PROXY', false),
    unsubscribeSecret: secretFrom(env, 'UNSUBSCRIBE_SECRET'),
    jobsEnabled: booleanFrom(env, 'JOBS_ENABLED', true),
    mail: { smtpUrl: smtpUrlFrom(env), from: mailFromFrom(env) },
    identity: identityConfigFrom(env, publicUrlFrom(env, portFrom(env, 'PORT', 3000))),
    openData: openDataConfigFrom(env),
    log: { level: logLevelFrom(env), format: logFormatFrom(env) },
  };
}

const LOG_LEVELS = [...Object.keys(levels.values), 'silent'];

function logLevelFrom(env: NodeJS.ProcessEnv): LevelWithSilent {
  const raw = env['LOG_LEVEL']?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'info';
  if (!LOG_LEVELS.includes(raw)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env['LOG_LEVEL']}"`);
  return raw as LevelWithSilent;
}

/** `npm run dev` runs the api with NODE_ENV=development: readable lines there, JSON lines everywhere else. */
function logFormatFrom(env: NodeJS.ProcessEnv): 'json' | 'pretty' {
  const raw = env['LOG_FORMAT']?.trim().toLowerCase();
  if (raw === undefined || raw === '') return env['NODE_ENV'] === 'development' ? 'pretty' : 'json';
  if (raw === 'json' || raw === 'pretty') return raw;
  throw new ConfigError(`LOG_FORMAT must be json or pretty, got "${env['LOG_FORMAT']}"`);
}

/** An http(s) origin with an optional path prefix, without a trailing slash. */
function publicUrlFrom(env: NodeJS.ProcessEnv, port: number): string {
  const raw = env['PUBLIC_URL'];
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL without query, fragment or credentials, got "${raw}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function smtpUrlFrom(env: NodeJS.ProcessEnv): string | null {
  const raw = env['SMTP_URL'];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  }
  // The URL may hold a password: it is never repeated in the message.
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  return raw;
}

/** An address, optionally with a display name: `Fremdrift <noreply@kommune.dk>`. */
function mailFromFrom(env: NodeJS.ProcessEnv): string {
  const raw = env['MAIL_FROM']?.trim();
  if (raw === undefined || raw === '') return 'Fremdrift <noreply@fremdrift.invalid>';
  const address = /<([^<>\s]+)>$/.exec(raw)?.[1] ?? raw;
  if (!/^[^@\s<>]+@[^@\s<>]+$/.test(address) || /[\r\n]/.test(raw)) throw new ConfigError(`MAIL_FROM must be an e-mail address, got "${raw}"`);
  return raw;
}

/** A secret of at least 32 characters, or null when unset. */
function secretFrom(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError(`${name} must be at least 32 characters long`);
  return raw;
}

/** A calendar day written `YYYY-MM-DD`, or null when unset. */
function dayFrom(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return null;
  const time = Date.parse(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== raw) {
    throw new ConfigError(`${name} must be a date written YYYY-MM-DD, got "${raw}"`);
  }
  return raw;
}
