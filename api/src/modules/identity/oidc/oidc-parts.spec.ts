import { ConfigError } from '../../../core/config/config-values';
import { identityConfigFrom } from '../../../core/config/identity-config';
import { emailFrom, nameFrom, rolesFrom } from './oidc-claims';
import { safeReturnTo } from '../return-to';

describe('safeReturnTo', () => {
  it.each(['/', '/initiativer', '/initiativer/123?fane=status#top', '/mit-overblik?a=1&b=2'])('keeps the web path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it('percent-encodes what a Location header cannot carry', () => {
    expect(safeReturnTo('/søg?q=€')).toBe('/s%C3%B8g?q=%E2%82%AC');
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/path'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'initiativer'],
    ['a script URL', 'javascript:alert(1)'],
    ['an API path', '/api/auth/logout'],
    ['a control character', '/a\r\nLocation: https://evil.example'],
    ['an overlong path', `/${'a'.repeat(400)}`],
    ['nothing', undefined],
    ['an array', ['/a', '/b']],
  ])('sends %s to /', (_name, raw) => {
    expect(safeReturnTo(raw)).toBe('/');
  });

  it('keeps query and fragment of a web path', () => {
    expect(safeReturnTo('/initiativer?status=aktiv#liste')).toBe('/initiativer?status=aktiv#liste');
  });
});

describe('OpenID claims', () => {
  it('reads the roles claim as an array, a single string or a nested path, without duplicates or blanks', () => {
    expect(rolesFrom({ groups: ['A', 'B', 'A', ' '] }, 'groups')).toEqual([
      { value: 'A', unit: null },
      { value: 'B', unit: null },
    ]);
    expect(rolesFrom({ role: 'SG-Fremdrift-Ledelse' }, 'role')).toEqual([{ value: 'SG-Fremdrift-Ledelse', unit: null }]);
    expect(rolesFrom({ realm_access: { roles: ['fremdrift-admin'] } }, 'realm_access.roles')).toEqual([{ value: 'fremdrift-admin', unit: null }]);
  });

  it('tells an absent roles claim (ask userinfo) from an empty one', () => {
    expect(rolesFrom({ sub: 'x' }, 'groups')).toBeNull();
    expect(rolesFrom({ groups: [] }, 'groups')).toEqual([]);
  });

  it('takes the e-mail from email, else from an e-mail-shaped preferred_username or upn', () => {
    expect(emailFrom({ email: 'a@kommune.dk', upn: 'b@kommune.dk' })).toBe('a@kommune.dk');
    expect(emailFrom({ preferred_username: 'c@kommune.dk' })).toBe('c@kommune.dk');
    expect(emailFrom({ preferred_username: 'KOMMUNE\\cfo', upn: 'd@kommune.dk' })).toBe('d@kommune.dk');
    expect(emailFrom({ preferred_username: 'cfo' })).toBeNull();
  });

  it('takes the name from name, else from given and family name', () => {
    expect(nameFrom({ name: 'Anna Berg' })).toBe('Anna Berg');
    expect(nameFrom({ given_name: 'Anna', family_name: 'Berg' })).toBe('Anna Berg');
    expect(nameFrom({})).toBeNull();
  });
});

describe('OpenID Connect settings', () => {
  const publicUrl = 'https://fremdrift.kommune.dk';

  it('derives the redirect URI and post-logout address from the public address', () => {
    const { oidc } = identityConfigFrom({ OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', OIDC_CLIENT_ID: 'app' }, publicUrl);
    expect(oidc).toMatchObject({
      redirectUrl: 'https://fremdrift.kommune.dk/api/auth/oidc/callback',
      postLogoutRedirectUrl: 'https://fremdrift.kommune.dk/login',
      scopes: 'openid email profile',
      rolesClaim: 'groups',
      clientSecret: null,
    });
  });

  it('refuses a plain-HTTP issuer unless it is on this machine', () => {
    expect(() => identityConfigFrom({ OIDC_ISSUER: 'http://adfs.kommune.dk/adfs', OIDC_CLIENT_ID: 'app' }, publicUrl)).toThrow(ConfigError);
    expect(identityConfigFrom({ OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'app' }, publicUrl).oidc?.issuer).toBe('http://127.0.0.1:4000');
  });

  it('needs a client id with an issuer', () => {
    expect(() => identityConfigFrom({ OIDC_ISSUER: 'https://idp.kommune.dk' }, publicUrl)).toThrow('OIDC_CLIENT_ID');
  });
});
