import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as samlify from 'samlify';

const KEYS = join(__dirname, 'saml-keys');
const key = (name: string) => readFileSync(join(KEYS, name), 'utf8');

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

/** Test-only key pairs (never used anywhere else): the identity provider's, another that nobody trusts, and the service provider's. */
export const TEST_KEYS = {
  idp: { privateKey: key('idp.key.pem'), certificate: key('idp.cert.pem') },
  otherIdp: { privateKey: key('other-idp.key.pem'), certificate: key('other-idp.cert.pem') },
  sp: { privateKeyFile: join(KEYS, 'sp.key.pem'), certificateFile: join(KEYS, 'sp.cert.pem') },
};

export interface TestAssertion {
  nameId: string;
  nameIdFormat?: string;
  sessionIndex?: string;
  /** Attribute name → its values. */
  attributes?: Record<string, string[]>;
  inResponseTo?: string;
  audience?: string;
  /** When the assertion was issued; it is valid from then for `validForSeconds`. */
  issuedAt?: Date;
  validForSeconds?: number;
  /** Assertion ID; a fresh one unless given (to replay one). */
  assertionId?: string;
  /** `signed` by the identity provider's key (as samlify signs it); `unsigned`; or signed with a key nobody trusts. */
  signing?: 'signed' | 'unsigned' | 'otherKey';
  /** Encrypted to the service provider's certificate after signing, as KOMBIT's Context Handler sends assertions. */
  encrypted?: boolean;
}

export interface SamlTestIdp {
  entityId: string;
  /** The identity provider's metadata, as Fremdrift reads it from SAML_IDP_METADATA_FILE. */
  metadataXml: string;
  signOnUrl: string;
  logoutUrl: string;
  /** Learns the service provider from its metadata (GET /api/auth/saml/metadata). */
  trust(spMetadataXml: string): void;
  /** A base64 SAML Response for the ACS (HTTP-POST binding). */
  loginResponse(assertion: TestAssertion): Promise<string>;
  /** The answer to the service provider's LogoutRequest, as the HTTP-Redirect URL to its single logout service. */
  logoutResponseUrl(inResponseTo: string): string;
  /** A signed LogoutRequest as the HTTP-Redirect URL to the service provider's single logout service. */
  logoutRequestUrl(nameId: string, sessionIndex?: string): Promise<string>;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const newId = () => `_${randomBytes(20).toString('hex')}`;

/**
 * An identity provider built with samlify (a SAML implementation of its own): it signs assertions
 * with a test key as a real provider would, and sends signed logout requests.
 */
export function createSamlTestIdp(entityId = 'https://idp.test.example/saml'): SamlTestIdp {
  const signOnUrl = 'https://idp.test.example/saml/sso';
  const logoutUrl = 'https://idp.test.example/saml/slo';
  const settings = (keys: { privateKey: string; certificate: string }, isAssertionEncrypted = false) =>
    samlify.IdentityProvider({
      entityID: entityId,
      isAssertionEncrypted,
      privateKey: keys.privateKey,
      signingCert: keys.certificate,
      requestSignatureAlgorithm: RSA_SHA256,
      nameIDFormat: [UNSPECIFIED],
      singleSignOnService: [
        { Binding: REDIRECT, Location: signOnUrl },
        { Binding: POST, Location: signOnUrl },
      ],
      singleLogoutService: [{ Binding: REDIRECT, Location: logoutUrl }],
    });
  const idp = settings(TEST_KEYS.idp);
  const impostor = settings(TEST_KEYS.otherIdp);
  const encrypting = settings(TEST_KEYS.idp, true);
  let sp: samlify.ServiceProviderInstance | null = null;
  let acsUrl = '';
  let spEntityId = '';

  const responseXml = (a: TestAssertion): string => {
    const issued = a.issuedAt ?? new Date();
    const notOnOrAfter = new Date(issued.getTime() + (a.validForSeconds ?? 300) * 1000).toISOString();
    const inResponseTo = a.inResponseTo ? ` InResponseTo="${escapeXml(a.inResponseTo)}"` : '';
    const attributes = Object.entries(a.attributes ?? {})
      .map(
        ([name, values]) =>
          `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${values
            .map((value) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(value)}</saml:AttributeValue>`)
            .join('')}</saml:Attribute>`,
      )
      .join('');
    return (
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newId()}" Version="2.0" IssueInstant="${issued.toISOString()}" Destination="${escapeXml(acsUrl)}"${inResponseTo}>` +
      `<saml:Issuer>${escapeXml(entityId)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
      `<saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="${escapeXml(a.assertionId ?? newId())}" Version="2.0" IssueInstant="${issued.toISOString()}">` +
      `<saml:Issuer>${escapeXml(entityId)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="${escapeXml(a.nameIdFormat ?? UNSPECIFIED)}">${escapeXml(a.nameId)}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${escapeXml(acsUrl)}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${issued.toISOString()}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${escapeXml(a.audience ?? spEntityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${issued.toISOString()}"${a.sessionIndex ? ` SessionIndex="${escapeXml(a.sessionIndex)}"` : ''}><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : '') +
      `</saml:Assertion></samlp:Response>`
    );
  };

  const requireSp = () => {
    if (!sp) throw new Error('Call trust(spMetadataXml) first');
    return sp;
  };

  return {
    entityId,
    metadataXml: idp.getMetadata(),
    signOnUrl,
    logoutUrl,
    trust(spMetadataXml) {
      sp = samlify.ServiceProvider({ metadata: spMetadataXml, wantLogoutRequestSigned: true, wantLogoutResponseSigned: true });
      acsUrl = String(sp.entityMeta.getAssertionConsumerService(samlify.Constants.wording.binding.post));
      spEntityId = sp.entityMeta.getEntityID();
    },
    async loginResponse(assertion) {
      const target = requireSp();
      const xml = responseXml(assertion);
      if (assertion.signing === 'unsigned') return Buffer.from(xml, 'utf8').toString('base64');
      const signer = assertion.signing === 'otherKey' ? impostor : assertion.encrypted ? encrypting : idp;
      const response = await signer.createLoginResponse(
        target,
        { extract: {} },
        'post',
        { email: assertion.nameId },
        { customTagReplacement: () => ({ id: '', context: xml }) },
      );
      return response.context;
    },
    logoutResponseUrl(inResponseTo) {
      return idp.createLogoutResponse(requireSp(), { extract: { request: { id: inResponseTo } } }, 'redirect').context;
    },
    async logoutRequestUrl(nameId, sessionIndex) {
      const target = requireSp();
      const customTagReplacement = () => {
        const id = newId();
        const spLogout = String(target.entityMeta.getSingleLogoutService(samlify.Constants.wording.binding.redirect));
        return {
          id,
          context:
            `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${escapeXml(spLogout)}">` +
            `<saml:Issuer>${escapeXml(entityId)}</saml:Issuer><saml:NameID Format="${UNSPECIFIED}">${escapeXml(nameId)}</saml:NameID>` +
            (sessionIndex ? `<samlp:SessionIndex>${escapeXml(sessionIndex)}</samlp:SessionIndex>` : '') +
            `</samlp:LogoutRequest>`,
        };
      };
      return idp.createLogoutRequest(target, 'redirect', { logoutNameID: nameId, sessionIndex }, { customTagReplacement }).context;
    },
  };
}
