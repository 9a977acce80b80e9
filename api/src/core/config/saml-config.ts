import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, integerFrom, textFrom } from './config-values';

/** KOMBIT's job-function roles with their constraints (OIO Basic Privilege Profile), as OIOSAML 2 and OIOSAML 3 name the attribute. */
export const KOMBIT_PRIVILEGES_ATTRIBUTES = ['dk:gov:saml:attribute:Privileges_intermediate', 'https://data.gov.dk/model/core/eid/privilegesIntermediate'];

/** OIOSAML's names, which KOMBIT's Context Handler releases: `mail` and `cn`. */
const DEFAULT_EMAIL_ATTRIBUTE = 'urn:oid:0.9.2342.19200300.100.1.3';
const DEFAULT_NAME_ATTRIBUTE = 'urn:oid:2.5.4.3';

export type SamlRolesFormat = 'plain' | 'kombit';

export interface SamlConfig {
  /** The identity provider's metadata (XML): its entity ID, endpoints and signing certificates. */
  idpMetadataXml: string;
  /** This service provider's entity ID: `<PUBLIC_URL>/api/auth/saml/metadata` unless set. */
  spEntityId: string;
  /** The Assertion Consumer Service URL: `<PUBLIC_URL>/api/auth/saml/acs`. */
  acsUrl: string;
  /** Where the identity provider sends logout requests and responses: `<PUBLIC_URL>/api/auth/saml/logout`. */
  logoutUrl: string;
  /** The NameID format asked for in the AuthnRequest and named in the SP metadata. */
  nameIdFormat: string;
  attributes: {
    email: string;
    name: string;
    /** A multi-valued attribute of group or role names (`plain`), or KOMBIT's privilege list (`kombit`). */
    roles: string;
    /** The attribute that identifies the person for good; null to use the NameID. */
    subject: string | null;
  };
  rolesFormat: SamlRolesFormat;
  /** How far the identity provider's clock may be from ours when checking NotBefore and NotOnOrAfter. */
  clockSkewSeconds: number;
  /** The service provider's key pair (PEM): signs AuthnRequests and logout messages, decrypts encrypted assertions. */
  spKeyPair: { privateKey: string; certificate: string } | null;
}

export function samlConfigFrom(env: NodeJS.ProcessEnv, publicUrl: string): SamlConfig | null {
  const metadataFile = textFrom(env, 'SAML_IDP_METADATA_FILE');
  if (!metadataFile) return null;
  const idpMetadataXml = readTextFile(metadataFile, 'SAML_IDP_METADATA_FILE');
  if (!/<(?:[\w-]+:)?EntityDescriptor[\s>]/.test(idpMetadataXml)) {
    throw new ConfigError(`SAML_IDP_METADATA_FILE must hold the identity provider's SAML metadata (an EntityDescriptor), got "${metadataFile}"`);
  }
  const roles = textFrom(env, 'SAML_ATTR_ROLES') ?? KOMBIT_PRIVILEGES_ATTRIBUTES[0];
  return {
    idpMetadataXml,
    spEntityId: textFrom(env, 'SAML_SP_ENTITY_ID') ?? `${publicUrl}/api/auth/saml/metadata`,
    acsUrl: `${publicUrl}/api/auth/saml/acs`,
    logoutUrl: `${publicUrl}/api/auth/saml/logout`,
    nameIdFormat: textFrom(env, 'SAML_NAME_ID_FORMAT') ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    attributes: {
      email: textFrom(env, 'SAML_ATTR_EMAIL') ?? DEFAULT_EMAIL_ATTRIBUTE,
      name: textFrom(env, 'SAML_ATTR_NAME') ?? DEFAULT_NAME_ATTRIBUTE,
      roles,
      subject: textFrom(env, 'SAML_SUBJECT_ATTRIBUTE'),
    },
    rolesFormat: rolesFormatFrom(env, roles),
    clockSkewSeconds: integerFrom(env, 'SAML_CLOCK_SKEW_SECONDS', 180, 0, 900),
    spKeyPair: keyPairFrom(env),
  };
}

/** KOMBIT's privilege attribute is read as a privilege list unless told otherwise; any other attribute as plain values. */
function rolesFormatFrom(env: NodeJS.ProcessEnv, rolesAttribute: string): SamlRolesFormat {
  const raw = textFrom(env, 'SAML_ROLES_FORMAT')?.toLowerCase();
  if (raw === undefined || raw === null) return KOMBIT_PRIVILEGES_ATTRIBUTES.includes(rolesAttribute) ? 'kombit' : 'plain';
  if (raw === 'plain' || raw === 'kombit') return raw;
  throw new ConfigError(`SAML_ROLES_FORMAT must be plain or kombit, got "${env['SAML_ROLES_FORMAT']}"`);
}

function keyPairFrom(env: NodeJS.ProcessEnv): SamlConfig['spKeyPair'] {
  const keyFile = textFrom(env, 'SAML_SP_PRIVATE_KEY_FILE');
  const certFile = textFrom(env, 'SAML_SP_CERT_FILE');
  if (!keyFile && !certFile) return null;
  if (!keyFile || !certFile) throw new ConfigError('SAML_SP_PRIVATE_KEY_FILE and SAML_SP_CERT_FILE go together: set both or neither');
  const privateKey = readTextFile(keyFile, 'SAML_SP_PRIVATE_KEY_FILE');
  const certificatePem = readTextFile(certFile, 'SAML_SP_CERT_FILE');
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(privateKey);
  } catch {
    throw new ConfigError(`SAML_SP_PRIVATE_KEY_FILE must hold an unencrypted private key in PEM, got "${keyFile}"`);
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new ConfigError(`SAML_SP_CERT_FILE must hold an X.509 certificate in PEM, got "${certFile}"`);
  }
  if (!certificate.checkPrivateKey(key)) throw new ConfigError('SAML_SP_CERT_FILE is not the certificate of the key in SAML_SP_PRIVATE_KEY_FILE');
  return { privateKey, certificate: certificate.toString() };
}

function readTextFile(path: string, name: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new ConfigError(`${name} must name a readable file, got "${path}" (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}
