import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SAML, ValidateInResponseTo, type Profile } from '@node-saml/node-saml';
import { parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml';
import { SessionsRepository } from '../../../core/auth/sessions.repository';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.provider';
import type { SamlConfig } from '../../../core/config/saml-config';
import { IdentityProvisioningService } from '../identity-provisioning.service';
import { refusalUrl, safeReturnTo, SIGN_IN_PAGE } from '../return-to';
import { SignInRefusedError, type SingleSignOnProvider, type SingleSignOnSession } from '../single-sign-on';
import { SingleSignOnRegistry } from '../single-sign-on.registry';
import { parseIdpMetadata, type IdpMetadata } from './idp-metadata';
import { assertionFacts } from './saml-identity';
import { SAML_REQUEST_LIFETIME_MS, SamlStateRepository } from './saml-state.repository';

export const SAML_START_URL = '/api/auth/saml/login';
const METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** Where the browser goes next, and the session to set when the sign-in succeeded. */
export interface SamlSignIn {
  location: string;
  session: { token: string; csrfToken: string } | null;
}

/** A SAML message from the identity provider that does not check out: answered 400. */
export class SamlMessageError extends Error {}

/**
 * Sign-in through a SAML 2.0 identity provider (KOMBIT's Context Handler, AD FS, Entra ID) with
 * node-saml: AuthnRequests over HTTP-Redirect, responses over HTTP-POST whose assertions must be
 * signed by a certificate in the provider's metadata, within their time limits (with clock skew),
 * for this service provider (audience), in answer to a request of ours when they say so
 * (InResponseTo), and used once (replay protection); single logout both ways where the provider's
 * metadata offers it.
 */
@Injectable()
export class SamlService implements SingleSignOnProvider, OnModuleInit {
  readonly kind = 'saml' as const;
  readonly startUrl = SAML_START_URL;
  private readonly logger = new Logger(SamlService.name);
  private saml: SAML | null = null;
  private idp: IdpMetadata | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SingleSignOnRegistry,
    private readonly state: SamlStateRepository,
    private readonly sessions: SessionsRepository,
    private readonly provisioning: IdentityProvisioningService,
  ) {}

  get settings(): SamlConfig | null {
    return this.config.identity.saml;
  }

  /** Reads the provider's metadata at start-up: an app that cannot use it does not start. */
  async onModuleInit(): Promise<void> {
    const settings = this.settings;
    if (!settings) return;
    const idp = await parseIdpMetadata(settings.idpMetadataXml);
    const keys = settings.spKeyPair;
    this.idp = idp;
    this.saml = new SAML({
      issuer: settings.spEntityId,
      audience: settings.spEntityId,
      callbackUrl: settings.acsUrl,
      logoutCallbackUrl: settings.logoutUrl,
      entryPoint: idp.signOnUrl,
      logoutUrl: idp.logoutUrl ?? idp.signOnUrl,
      idpIssuer: idp.entityId,
      idpCert: idp.signingCertificates,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      acceptedClockSkewMs: settings.clockSkewSeconds * 1000,
      validateInResponseTo: ValidateInResponseTo.ifPresent,
      requestIdExpirationPeriodMs: SAML_REQUEST_LIFETIME_MS,
      cacheProvider: this.state,
      identifierFormat: settings.nameIdFormat,
      // The provider decides how people authenticate (KOMBIT by NSIS level); asking for one class would refuse the others.
      disableRequestedAuthnContext: true,
      signatureAlgorithm: 'sha256',
      digestAlgorithm: 'sha256',
      ...(keys ? { privateKey: keys.privateKey, publicCert: keys.certificate, decryptionPvk: keys.privateKey } : {}),
    });
    this.registry.register(this);
    if (!keys && /WantAuthnRequestsSigned\s*=\s*["'](?:true|1)["']/.test(settings.idpMetadataXml)) {
      this.logger.warn('The identity provider wants signed AuthnRequests: set SAML_SP_PRIVATE_KEY_FILE and SAML_SP_CERT_FILE');
    }
  }

  /** The service provider's metadata for the identity provider: entity ID, ACS, single logout, NameID format, and the certificate when there is a key pair. */
  async metadata(): Promise<string | null> {
    if (!this.saml || !this.settings) return null;
    const certificate = this.settings.spKeyPair?.certificate ?? null;
    const xml = this.saml.generateServiceProviderMetadata(certificate, certificate);
    return withRedirectLogout(xml, this.settings.logoutUrl);
  }

  /** The AuthnRequest, as a redirect to the identity provider; its ID is kept to check the response's InResponseTo. */
  async start(returnTo: unknown): Promise<string> {
    if (!this.saml) return SIGN_IN_PAGE;
    void this.state.deleteExpired().catch(() => undefined);
    return this.saml.getAuthorizeUrlAsync(safeReturnTo(returnTo), undefined, {});
  }

  /**
   * Checks the identity provider's response and signs the user in. Whatever goes wrong ends in a
   * redirect to the refusal page: the browser is mid-way between two sites.
   */
  async finish(samlResponse: string, relayState: unknown): Promise<SamlSignIn> {
    if (!this.saml || !this.settings) return { location: refusalUrl('failed'), session: null };
    try {
      const { profile } = await this.saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
      if (!profile) throw new SamlMessageError('the response holds no assertion');
      const facts = await assertionFacts(profile, this.settings);
      const keepUntil = new Date(facts.notOnOrAfter.getTime() + this.settings.clockSkewSeconds * 1000);
      if (!(await this.state.useAssertion(facts.assertionId, keepUntil))) throw new SamlMessageError(`assertion ${facts.assertionId} was used before`);
      const { token, csrfToken, user } = await this.provisioning.signIn(facts.identity, facts.session);
      this.logger.log({ userId: user.id, subject: facts.identity.subject }, 'Signed in through SAML');
      return { location: safeReturnTo(relayState), session: { token, csrfToken } };
    } catch (error) {
      if (error instanceof SignInRefusedError) {
        this.logger.warn(`SAML sign-in refused: ${error.reason}`);
        return { location: refusalUrl(error.reason), session: null };
      }
      this.logger.warn(`SAML sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
      return { location: refusalUrl('failed'), session: null };
    }
  }

  /** A LogoutRequest for the identity provider, when it offers single logout and the session came from it. */
  async endSessionUrl(session: SingleSignOnSession): Promise<string | null> {
    if (!this.saml || !this.idp?.logoutUrl || session.method !== 'saml' || !session.samlNameId) return null;
    const user = {
      issuer: this.settings?.spEntityId ?? '',
      nameID: session.samlNameId,
      nameIDFormat: session.samlNameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      ...(session.samlSessionIndex ? { sessionIndex: session.samlSessionIndex } : {}),
    } satisfies Profile;
    return this.saml.getLogoutUrlAsync(user, SIGN_IN_PAGE, {});
  }

  /**
   * A logout message from the identity provider. A LogoutRequest (it must be signed) ends the
   * sessions of its NameID and is answered with a LogoutResponse; a LogoutResponse to our own
   * request sends the browser to the sign-in page.
   */
  async logout(
    message: { SAMLRequest?: string; SAMLResponse?: string; RelayState?: string; SigAlg?: string; Signature?: string },
    rawQuery: string | null,
  ): Promise<string> {
    if (!this.saml) return SIGN_IN_PAGE;
    let result: { profile: Profile | null; loggedOut: boolean };
    try {
      if (rawQuery !== null) {
        if (message.SAMLRequest && !message.Signature) throw new SamlMessageError('the LogoutRequest is not signed');
        result = await this.saml.validateRedirectAsync(message, rawQuery);
      } else if (message.SAMLRequest) {
        result = await this.saml.validatePostRequestAsync({ SAMLRequest: message.SAMLRequest });
      } else {
        result = await this.saml.validatePostResponseAsync({ SAMLResponse: message.SAMLResponse ?? '' });
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Our own session ended before the browser went to the identity provider: a LogoutResponse that does not check out changes nothing.
      if (!message.SAMLRequest) {
        this.logger.warn(`The identity provider's LogoutResponse does not check out: ${reason}`);
        return SIGN_IN_PAGE;
      }
      throw new SamlMessageError(`The LogoutRequest does not check out: ${reason}`);
    }
    const request = result.profile;
    if (!request) return SIGN_IN_PAGE;
    const ended = await this.sessions.deleteBySamlNameId(request.nameID, request.sessionIndex ?? null);
    this.logger.log({ ended }, 'The identity provider ended SAML sessions (single logout)');
    if (!this.idp?.logoutUrl) return SIGN_IN_PAGE;
    return this.saml.getLogoutResponseUrlAsync(request, message.RelayState ?? '', {}, true);
  }
}

/** node-saml lists the single logout service with the HTTP-POST binding only; the HTTP-Redirect binding is offered first. */
async function withRedirectLogout(xml: string, logoutUrl: string): Promise<string> {
  const document = await parseDomFromString(xml);
  const [postService] = xpath.selectElements(document, `//*[local-name()='SingleLogoutService' and namespace-uri()='${METADATA_NS}']`);
  if (!postService?.parentNode) return xml;
  const redirectService = document.createElementNS(METADATA_NS, 'SingleLogoutService');
  redirectService.setAttribute('Binding', REDIRECT_BINDING);
  redirectService.setAttribute('Location', logoutUrl);
  postService.parentNode.insertBefore(redirectService, postService);
  return document.toString();
}
