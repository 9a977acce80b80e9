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
