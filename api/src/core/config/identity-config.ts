import { ConfigError, textFrom, urlFrom } from './config-values';
import { samlConfigFrom, type SamlConfig } from './saml-config';

export interface OidcConfig {
  /** The issuer exactly as the provider names itself (its discovery document lives below it). */
  issuer: string;
  clientId: string;
  /** Null for a public client (PKCE only). */
  clientSecret: string | null;
  /** The redirect URI to register at the provider: `<PUBLIC_URL>/api/auth/oidc/callback` unless set. */
  redirectUrl: string;
  /** Where the provider sends the browser after it has ended its session. */
  postLogoutRedirectUrl: string;
  scopes: string;
  /** The claim holding the user's groups or roles (Entra ID and Keycloak: `groups`, AD FS: `role`). */
  rolesClaim: string;
}

export interface IdentityConfig {
  /** The municipality's name on the sign-in button: "Log ind med <label>". */
  label: string;
  /** Who a user without access should contact; shown on the refusal page. */
  accessContact: string | null;
  /** With `break-glass`, only the accounts listed in `breakGlassAccounts` may sign in with a password. */
  localAccounts: 'all' | 'break-glass';
  /** Lower-cased e-mails of the local accounts kept for when the identity provider is unavailable. */
  breakGlassAccounts: string[];
  oidc: OidcConfig | null;
  saml: SamlConfig | null;
}

export function identityConfigFrom(env: NodeJS.ProcessEnv, publicUrl: string): IdentityConfig {
  const oidc = oidcConfigFrom(env, publicUrl);
  const saml = samlConfigFrom(env, publicUrl);
  if (oidc && saml) throw new ConfigError('Configure either OIDC_ISSUER or SAML_IDP_METADATA_FILE, not both');
  const localAccounts = localAccountsFrom(env);
  if (localAccounts === 'break-glass' && !oidc && !saml) {
    throw new ConfigError('LOCAL_ACCOUNTS=off needs an identity provider (OIDC_ISSUER or SAML_IDP_METADATA_FILE)');
  }
  return {
    label: textFrom(env, 'SSO_LABEL') ?? 'kommunens login',
    accessContact: textFrom(env, 'SSO_ACCESS_CONTACT'),
    localAccounts,
    breakGlassAccounts: (env['BREAK_GLASS_ACCOUNTS'] ?? '')
      .split(',')
      .map((email) => email.trim().toLowerCase())
      .filter((email) => email !== ''),
    oidc,
    saml,
  };
}

function localAccountsFrom(env: NodeJS.ProcessEnv): 'all' | 'break-glass' {
  const raw = env['LOCAL_ACCOUNTS']?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'on') return 'all';
  if (raw === 'off') return 'break-glass';
  throw new ConfigError(`LOCAL_ACCOUNTS must be on or off, got "${env['LOCAL_ACCOUNTS']}"`);
}

function oidcConfigFrom(env: NodeJS.ProcessEnv, publicUrl: string): OidcConfig | null {
  const issuer = textFrom(env, 'OIDC_ISSUER');
  const issuerUrl = urlFrom(env, 'OIDC_ISSUER');
  if (!issuer || !issuerUrl) return null;
  // Tokens and the client secret travel to the issuer: plain HTTP only to a provider on this machine.
  if (issuerUrl.protocol === 'http:' && !['127.0.0.1', '[::1]', 'localhost'].includes(issuerUrl.hostname)) {
    throw new ConfigError(`OIDC_ISSUER must be an https:// URL (http:// only for 127.0.0.1 or localhost), got "${issuer}"`);
  }
  const clientId = textFrom(env, 'OIDC_CLIENT_ID');
  if (!clientId) throw new ConfigError('OIDC_CLIENT_ID is needed with OIDC_ISSUER');
  return {
    issuer,
    clientId,
    clientSecret: textFrom(env, 'OIDC_CLIENT_SECRET'),
    redirectUrl: urlFrom(env, 'OIDC_REDIRECT_URL')?.href ?? `${publicUrl}/api/auth/oidc/callback`,
    postLogoutRedirectUrl: urlFrom(env, 'OIDC_POST_LOGOUT_REDIRECT_URL')?.href ?? `${publicUrl}/login`,
    scopes: textFrom(env, 'OIDC_SCOPES') ?? 'openid email profile',
    rolesClaim: textFrom(env, 'OIDC_ROLES_CLAIM') ?? 'groups',
  };
}
