import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-values';
import { samlConfigFrom } from './saml-config';

const PUBLIC_URL = 'https://fremdrift.kommune.dk';
const KEYS = join(__dirname, '../../../test/support/saml-keys');
const dir = mkdtempSync(join(tmpdir(), 'fremdrift-saml-config-'));
const metadataFile = join(dir, 'idp.xml');
writeFileSync(metadataFile, '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://adgangsstyring.stoettesystemerne.dk"/>');
const notMetadata = join(dir, 'other.xml');
writeFileSync(notMetadata, '<html><body>Log ind</body></html>');

const config = (env: NodeJS.ProcessEnv) => samlConfigFrom({ SAML_IDP_METADATA_FILE: metadataFile, ...env }, PUBLIC_URL);

describe('samlConfigFrom', () => {
  it('is off without SAML_IDP_METADATA_FILE', () => {
    expect(samlConfigFrom({}, PUBLIC_URL)).toBeNull();
    expect(samlConfigFrom({ SAML_IDP_METADATA_FILE: ' ' }, PUBLIC_URL)).toBeNull();
  });

  it('defaults to KOMBIT: OIOSAML attribute names, the privilege list, 3 minutes of clock skew, endpoints under PUBLIC_URL', () => {
    expect(config({})).toEqual({
      idpMetadataXml: expect.stringContaining('EntityDescriptor'),
      spEntityId: `${PUBLIC_URL}/api/auth/saml/metadata`,
      acsUrl: `${PUBLIC_URL}/api/auth/saml/acs`,
      logoutUrl: `${PUBLIC_URL}/api/auth/saml/logout`,
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      attributes: {
        email: 'urn:oid:0.9.2342.19200300.100.1.3',
        name: 'urn:oid:2.5.4.3',
        roles: 'dk:gov:saml:attribute:Privileges_intermediate',
        subject: null,
      },
      rolesFormat: 'kombit',
      clockSkewSeconds: 180,
      spKeyPair: null,
    });
  });

  it('reads roles as plain values from any other attribute, unless told they are a privilege list', () => {
    const adfs = config({
      SAML_ATTR_ROLES: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role',
      SAML_ATTR_EMAIL: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      SAML_ATTR_NAME: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
      SAML_SUBJECT_ATTRIBUTE: 'http://schemas.microsoft.com/identity/claims/objectidentifier',
      SAML_SP_ENTITY_ID: 'https://fremdrift.kommune.dk',
    });
    expect(adfs?.rolesFormat).toBe('plain');
    expect(adfs?.attributes.subject).toBe('http://schemas.microsoft.com/identity/claims/objectidentifier');
    expect(adfs?.spEntityId).toBe('https://fremdrift.kommune.dk');
    expect(config({ SAML_ATTR_ROLES: 'https://data.gov.dk/model/core/eid/privilegesIntermediate' })?.rolesFormat).toBe('kombit');
    expect(config({ SAML_ATTR_ROLES: 'privileges', SAML_ROLES_FORMAT: 'KOMBIT' })?.rolesFormat).toBe('kombit');
    expect(config({ SAML_ROLES_FORMAT: 'plain' })?.rolesFormat).toBe('plain');
    expect(() => config({ SAML_ROLES_FORMAT: 'groups' })).toThrow(/SAML_ROLES_FORMAT must be plain or kombit, got "groups"/);
  });

  it('takes a clock skew from 0 to 900 seconds', () => {
    expect(config({ SAML_CLOCK_SKEW_SECONDS: '0' })?.clockSkewSeconds).toBe(0);
    expect(config({ SAML_CLOCK_SKEW_SECONDS: '900' })?.clockSkewSeconds).toBe(900);
    expect(() => config({ SAML_CLOCK_SKEW_SECONDS: '901' })).toThrow(/SAML_CLOCK_SKEW_SECONDS must be a whole number from 0 to 900/);
    expect(() => config({ SAML_CLOCK_SKEW_SECONDS: 'lidt' })).toThrow(ConfigError);
  });

  it('refuses a metadata file it cannot read or that holds no SAML metadata', () => {
    expect(() => config({ SAML_IDP_METADATA_FILE: join(dir, 'missing.xml') })).toThrow(
      /SAML_IDP_METADATA_FILE must name a readable file, got ".*missing.xml" \(ENOENT\)/,
    );
    expect(() => config({ SAML_IDP_METADATA_FILE: notMetadata })).toThrow(/SAML_IDP_METADATA_FILE must hold the identity provider's SAML metadata/);
  });

  it('reads the service provider key pair when both files are given and belong together', () => {
    const pair = config({ SAML_SP_PRIVATE_KEY_FILE: join(KEYS, 'sp.key.pem'), SAML_SP_CERT_FILE: join(KEYS, 'sp.cert.pem') })?.spKeyPair;
    expect(pair?.privateKey).toContain('PRIVATE KEY');
    expect(pair?.certificate).toContain('BEGIN CERTIFICATE');
    expect(() => config({ SAML_SP_PRIVATE_KEY_FILE: join(KEYS, 'sp.key.pem') })).toThrow(/go together: set both or neither/);
    expect(() => config({ SAML_SP_PRIVATE_KEY_FILE: join(KEYS, 'sp.key.pem'), SAML_SP_CERT_FILE: join(KEYS, 'idp.cert.pem') })).toThrow(
      /SAML_SP_CERT_FILE is not the certificate of the key/,
    );
    expect(() => config({ SAML_SP_PRIVATE_KEY_FILE: join(KEYS, 'sp.cert.pem'), SAML_SP_CERT_FILE: join(KEYS, 'sp.cert.pem') })).toThrow(
      /SAML_SP_PRIVATE_KEY_FILE must hold an unencrypted private key/,
    );
    expect(() => config({ SAML_SP_PRIVATE_KEY_FILE: join(KEYS, 'sp.key.pem'), SAML_SP_CERT_FILE: join(KEYS, 'sp.key.pem') })).toThrow(
      /SAML_SP_CERT_FILE must hold an X.509 certificate/,
    );
  });
});
