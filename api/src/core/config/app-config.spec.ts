import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to port 3000, the embedded database and demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.demoData).toBe(true);
    expect(config.embeddedPostgres.dataDir).toMatch(/\.data\/postgres$/);
  });

  it('uses DATABASE_URL when set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/fremdrift' }).databaseUrl).toBe('postgres://u:p@db/fremdrift');
  });

  it('refuses a port that is not a port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a port number/);
  });

  it('reads DEMO_DATA as a boolean and refuses anything else', () => {
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA must be true or false/);
  });

  it('anchors the demo data to DEMO_TODAY when set, refusing anything but a real day', () => {
    expect(loadConfig({}).demoToday).toBeNull();
    expect(loadConfig({ DEMO_TODAY: '2027-03-01' }).demoToday).toBe('2027-03-01');
    for (const value of ['2027-02-29', '2027-13-01', '1/3/2027', '2027-3-1', 'today'])
      expect(() => loadConfig({ DEMO_TODAY: value })).toThrow(/DEMO_TODAY must be a date/);
  });
});

describe('loadConfig: sessions and proxies', () => {
  it('defaults to 8 hours idle, a week at most, Secure cookies over HTTPS, no proxy', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({ sessionIdleMinutes: 480, sessionMaxHours: 168, secureCookies: 'auto' });
    expect(config.trustProxy).toBe(false);
  });

  it('reads the session settings and refuses nonsense', () => {
    expect(loadConfig({ SESSION_IDLE_MINUTES: '30', SECURE_COOKIES: 'true' }).auth).toMatchObject({ sessionIdleMinutes: 30, secureCookies: true });
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES must be a whole number/);
    expect(() => loadConfig({ SECURE_COOKIES: 'sometimes' })).toThrow(/SECURE_COOKIES must be true or false/);
  });
});

describe('loadConfig: database pool and public address', () => {
  it('defaults to 10 connections with bounded waits and the local address', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ poolSize: 10, acquireTimeoutMs: 5000, statementTimeoutMs: 30000, idleInTransactionTimeoutMs: 10000 });
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('reads DATABASE_POOL_SIZE and PUBLIC_URL, without a trailing slash', () => {
    const config = loadConfig({ DATABASE_POOL_SIZE: '25', PUBLIC_URL: 'https://fremdrift.aarhus.dk/' });
    expect(config.database.poolSize).toBe(25);
    expect(config.publicUrl).toBe('https://fremdrift.aarhus.dk');
    expect(loadConfig({ PUBLIC_URL: 'https://kommune.dk/fremdrift/' }).publicUrl).toBe('https://kommune.dk/fremdrift');
  });

  it('refuses a pool of one and a public address that is not an http(s) URL', () => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE must be a whole number/);
    expect(() => loadConfig({ PUBLIC_URL: 'fremdrift.dk' })).toThrow(/PUBLIC_URL must be an absolute/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://fremdrift.dk' })).toThrow(/PUBLIC_URL must be an absolute/);
  });
});

describe('loadConfig: logs', () => {
  it('defaults to level info and JSON lines, readable lines under NODE_ENV=development', () => {
    expect(loadConfig({}).log).toEqual({ level: 'info', format: 'json' });
    expect(loadConfig({ NODE_ENV: 'production' }).log.format).toBe('json');
    expect(loadConfig({ NODE_ENV: 'development' }).log.format).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }).log.format).toBe('json');
  });

  it("reads LOG_LEVEL as one of pino's levels, in any case, and refuses any other", () => {
    expect(loadConfig({ LOG_LEVEL: 'debug' }).log.level).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: 'WARN' }).log.level).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).log.level).toBe('silent');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "verbose"/);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be json or pretty/);
  });
});

describe('loadConfig: jobs and mail', () => {
  it('runs jobs and holds mail by default, with a From address of its own', () => {
    const config = loadConfig({});
    expect(config.jobsEnabled).toBe(true);
    expect(config.mail).toEqual({ smtpUrl: null, from: 'Fremdrift <noreply@fremdrift.invalid>' });
  });

  it('reads JOBS_ENABLED, SMTP_URL and MAIL_FROM', () => {
    const config = loadConfig({ JOBS_ENABLED: 'false', SMTP_URL: 'smtps://user:secret@mail.example:465', MAIL_FROM: 'Kommunen <noreply@kommune.example>' });
    expect(config.jobsEnabled).toBe(false);
    expect(config.mail).toEqual({ smtpUrl: 'smtps://user:secret@mail.example:465', from: 'Kommunen <noreply@kommune.example>' });
  });

  it('refuses an SMTP_URL that is not smtp(s) without repeating it, and a MAIL_FROM that is no address', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://user:secret@mail.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'http://user:secret@mail.example' })).not.toThrow(/secret/);
    expect(() => loadConfig({ SMTP_URL: 'not a url' })).toThrow(/SMTP_URL must be an smtp/);
    expect(() => loadConfig({ MAIL_FROM: 'Kommunen' })).toThrow(/MAIL_FROM must be an e-mail address/);
    expect(() => loadConfig({ JOBS_ENABLED: 'maybe' })).toThrow(/JOBS_ENABLED must be true or false/);
  });

  it('reads UNSUBSCRIBE_SECRET, and refuses a short one without repeating it', () => {
    expect(loadConfig({}).unsubscribeSecret).toBeNull();
    expect(loadConfig({ UNSUBSCRIBE_SECRET: 'x'.repeat(32) }).unsubscribeSecret).toBe('x'.repeat(32));
    expect(() => loadConfig({ UNSUBSCRIBE_SECRET: 'kort-hemmelighed' })).toThrow(/UNSUBSCRIBE_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ UNSUBSCRIBE_SECRET: 'kort-hemmelighed' })).not.toThrow(/kort-hemmelighed/);
  });
});
