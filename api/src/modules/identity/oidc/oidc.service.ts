import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import * as client from 'openid-client';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.provider';
import type { OidcConfig } from '../../../core/config/identity-config';
import { IdentityProvisioningService } from '../identity-provisioning.service';
import { SignInRefusedError, type ExternalIdentity, type SingleSignOnProvider, type SingleSignOnSession } from '../single-sign-on';
import { SingleSignOnRegistry } from '../single-sign-on.registry';
import { emailFrom, nameFrom, rolesFrom } from './oidc-claims';
import { refusalUrl, safeReturnTo, SIGN_IN_PAGE } from '../return-to';
import { SsoRequestsRepository } from './sso-requests.repository';

/** How long a browser has to come back from the identity provider. */
const SIGN_IN_LIFETIME_SECONDS = 10 * 60;
const DISCOVERY_TIMEOUT_SECONDS = 10;

export const OIDC_START_URL = '/api/auth/oidc/login';

/** A sign-in the callback cannot accept; the message says why, for the log only. */
class SignInFailure extends Error {}

export interface SignInStart {
  location: string;
  /** Bound to the browser in a cookie, so that a callback begun elsewhere is refused. */
  state: string | null;
}

export interface SignInFinish {
  location: string;
  session: { token: string; csrfToken: string } | null;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export const isLoopback = (url: URL) => LOOPBACK_HOSTS.has(url.hostname);

/**
 * Sign-in through the municipality's OpenID provider (Entra ID, AD FS, Keycloak): the authorization
 * code flow with PKCE, state and nonce, the ID token checked by openid-client, and the provider's own
 * logout (RP-initiated) at sign-out. The provider's metadata is fetched at start-up; while the
 * provider cannot be reached the app runs and every sign-in tries again.
 */
@Injectable()
export class OidcService implements SingleSignOnProvider, OnModuleInit {
  readonly kind = 'oidc' as const;
  readonly startUrl = OIDC_START_URL;
  private readonly logger = new Logger(OidcService.name);
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SingleSignOnRegistry,
    private readonly requests: SsoRequestsRepository,
    private readonly provisioning: IdentityProvisioningService,
  ) {}

  get settings(): OidcConfig | null {
    return this.config.identity.oidc;
  }

  onModuleInit(): void {
    if (!this.settings) return;
    this.registry.register(this);
    this.discovered().catch(() => undefined);
  }

  async start(returnTo: unknown): Promise<SignInStart> {
    const settings = this.settings;
    if (!settings) return { location: SIGN_IN_PAGE, state: null };
    let configuration: client.Configuration;
    try {
      configuration = await this.discovered();
    } catch {
      return { location: refusalUrl('failed'), state: null };
    }
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await this.requests.create(state, { codeVerifier, nonce, returnTo: safeReturnTo(returnTo) }, SIGN_IN_LIFETIME_SECONDS);
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl,
      scope: settings.scopes,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { location: url.href, state };
  }

  /**
   * Checks the provider's answer and signs the user in. Whatever goes wrong ends in a redirect to the
   * refusal page, never an error response: the browser is mid-way between two sites.
   */
  async finish(search: string, stateCookie: string | null): Promise<SignInFinish> {
    const settings = this.settings;
    if (!settings) return { location: SIGN_IN_PAGE, session: null };
    const params = new URLSearchParams(search);
    const state = params.get('state');
    let identity: ExternalIdentity | null = null;
    try {
      if (!state) throw new SignInFailure('the callback carries no state');
      if (!stateCookie || !sameText(stateCookie, state)) throw new SignInFailure('the state does not belong to this browser');
      const pending = await this.requests.consume(state);
      if (!pending) throw new SignInFailure('the state is unknown, used already or expired');
      const error = params.get('error');
      if (error) throw new SignInFailure(`the identity provider answered ${error}: ${params.get('error_description') ?? ''}`);
      const configuration = await this.discovered();
      const currentUrl = new URL(settings.redirectUrl);
      currentUrl.search = params.toString();
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      identity = await this.identityFrom(configuration, settings, tokens);
      const { token, csrfToken, user } = await this.provisioning.signIn(identity, { method: 'oidc', oidcIdToken: tokens.id_token ?? null });
      this.logger.log({ userId: user.id, subject: identity.subject }, 'Signed in through OpenID Connect');
      return { location: pending.returnTo, session: { token, csrfToken } };
    } catch (error) {
      if (error instanceof SignInRefusedError) {
        // What the provider asserted, so that an admin can see which value to map.
        const roles = identity?.roles.map((role) => role.value) ?? [];
        this.logger.warn({ subject: identity?.subject, email: identity?.email, roles }, `OpenID Connect sign-in refused: ${error.reason}`);
        return { location: refusalUrl(error.reason), session: null };
      }
      const known = error instanceof SignInFailure || isOpenIdClientError(error);
      const message = `OpenID Connect sign-in failed: ${describe(error)}`;
      if (known) this.logger.warn(message);
      else this.logger.error(error, message);
      return { location: refusalUrl('failed'), session: null };
    }
  }

  async endSessionUrl(session: SingleSignOnSession): Promise<string | null> {
    const settings = this.settings;
    if (!settings || session.method !== 'oidc') return null;
    let configuration: client.Configuration;
    try {
      configuration = await this.discovered();
    } catch {
      return null;
    }
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = { client_id: settings.clientId, post_logout_redirect_uri: settings.postLogoutRedirectUrl };
    if (session.oidcIdToken) parameters['id_token_hint'] = session.oidcIdToken;
    return client.buildEndSessionUrl(configuration, parameters).href;
  }

  /** E-mail, name and roles from the ID token; what it lacks, from the userinfo endpoint. */
  private async identityFrom(
    configuration: client.Configuration,
    settings: OidcConfig,
    tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
  ): Promise<ExternalIdentity> {
    const idToken = tokens.claims();
    if (!idToken) throw new SignInFailure('the token response has no ID token');
    const claims: Record<string, unknown> = { ...idToken };
    const incomplete = !emailFrom(claims) || !nameFrom(claims) || !rolesFrom(claims, settings.rolesClaim);
    if (incomplete && tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
      try {
        const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        for (const [name, value] of Object.entries(userInfo)) if (claims[name] === undefined || claims[name] === null) claims[name] = value;
      } catch (error) {
        // AD FS, for one, answers userinfo with another subject: go on with the ID token's claims.
        this.logger.warn(`The userinfo endpoint gave nothing usable: ${describe(error)}`);
      }
    }
    if (claims['_claim_names'] && typeof claims['_claim_names'] === 'object' && settings.rolesClaim in (claims['_claim_names'] as object)) {
      this.logger.warn(`The ${settings.rolesClaim} claim was left out for its size (too many groups): assign the groups to the application instead`);
    }
    return {
      provider: 'oidc',
      subject: idToken.sub,
      email: emailFrom(claims),
      displayName: nameFrom(claims),
      roles: rolesFrom(claims, settings.rolesClaim) ?? [],
    };
  }

  /** The provider's metadata, fetched once; a failure is forgotten, so that the next sign-in tries again. */
  private discovered(): Promise<client.Configuration> {
    const settings = this.settings;
    if (!settings) return Promise.reject(new Error('OpenID Connect is not configured'));
    this.configuration ??= this.discover(settings).catch((error: unknown) => {
      this.configuration = null;
      this.logger.warn(`The OpenID provider ${settings.issuer} cannot be reached: ${describe(error)}`);
      throw error;
    });
    return this.configuration;
  }

  private discover(settings: OidcConfig): Promise<client.Configuration> {
    const issuer = new URL(settings.issuer);
    // Plain HTTP only for a provider on this machine (development and tests).
    const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
    return client.discovery(issuer, settings.clientId, settings.clientSecret ?? undefined, settings.clientSecret ? undefined : client.None(), {
      // openid-client trusts an ID token from the token endpoint without checking its signature unless told to.
      execute: insecure ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks],
      timeout: DISCOVERY_TIMEOUT_SECONDS,
    });
  }
}

/** The error's message with its cause's (openid-client wraps a refused connection in "something went wrong"). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : null;
  const detail = cause ? `${cause.message}${'code' in cause && cause.code ? ` (${String(cause.code)})` : ''}` : '';
  return detail ? `${error.message}: ${detail}` : error.message;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function isOpenIdClientError(error: unknown): boolean {
  return (
    error instanceof client.ClientError ||
    error instanceof client.AuthorizationResponseError ||
    error instanceof client.ResponseBodyError ||
    error instanceof client.WWWAuthenticateChallengeError
  );
}
