import type { Profile } from '@node-saml/node-saml';
import type { SamlConfig } from '../../../core/config/saml-config';
import { parseIdpMetadata } from './idp-metadata';
import { parsePrivilegeList, PrivilegeListError } from './kombit-privileges';
import { assertionFacts, UnusableAssertionError } from './saml-identity';

const ORG_UNIT = 'http://sts.kombit.dk/constraints/orgenhed/1';
const LEAD = 'http://fremdrift.dk/roles/usersystemrole/afdelingsleder/1';
const VIEWER = 'http://fremdrift.dk/roles/usersystemrole/laeser/1';
const base64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

describe('parsePrivilegeList (KOMBIT, OIO Basic Privilege Profile)', () => {
  it('gives one claim per privilege and organisation unit, and a claim without a unit for an unconstrained privilege', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189846">
          <Privilege>${LEAD}</Privilege>
          <Constraint Name="${ORG_UNIT}">unit-a, unit-b</Constraint>
          <Constraint Name="http://sts.kombit.dk/constraints/KLE/1">27.*</Constraint>
        </PrivilegeGroup>
        <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189846">
          <Privilege> ${VIEWER} </Privilege>
        </PrivilegeGroup>
        <bpp:PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189846">
          <bpp:Privilege>${LEAD}</bpp:Privilege>
          <bpp:Constraint Name="http://digital-identity.dk/constraints/orgunit/1">unit-a</bpp:Constraint>
        </bpp:PrivilegeGroup>
      </bpp:PrivilegeList>`;
    expect(await parsePrivilegeList(base64(xml))).toEqual([
      { value: LEAD, unit: 'unit-a' },
      { value: LEAD, unit: 'unit-b' },
      { value: VIEWER, unit: null },
    ]);
  });

  it('refuses what is not a base64 privilege list', async () => {
    await expect(parsePrivilegeList('<PrivilegeList/>')).rejects.toThrow(PrivilegeListError);
    await expect(parsePrivilegeList(base64('<Privileges><Privilege>x</Privilege></Privileges>'))).rejects.toThrow(/holds no PrivilegeList/);
    await expect(parsePrivilegeList(base64('<PrivilegeList><PrivilegeGroup>'))).rejects.toThrow(PrivilegeListError);
  });
});

describe('assertionFacts', () => {
  const settings = (overrides: Partial<SamlConfig> = {}): SamlConfig => ({
    idpMetadataXml: '',
    spEntityId: 'https://fremdrift.kommune.dk',
    acsUrl: 'https://fremdrift.kommune.dk/api/auth/saml/acs',
    logoutUrl: 'https://fremdrift.kommune.dk/api/auth/saml/logout',
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    attributes: { email: 'mail', name: 'cn', roles: 'roles', subject: null },
    rolesFormat: 'plain',
    clockSkewSeconds: 180,
    spKeyPair: null,
    ...overrides,
  });
  const profile = (attributes: Record<string, unknown>, assertion: Record<string, unknown> = {}): Profile => ({
    issuer: 'https://idp.example',
    nameID: 'anna@kommune.example',
    nameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    sessionIndex: '_s1',
    attributes,
    getAssertion: () => ({
      Assertion: {
        $: { ID: '_a1' },
        Conditions: [{ $: { NotOnOrAfter: '2026-12-04T10:05:00Z' } }],
        Subject: [{ SubjectConfirmation: [{ SubjectConfirmationData: [{ $: { NotOnOrAfter: '2026-12-04T10:10:00Z' } }] }] }],
        ...assertion,
      },
    }),
  });

  it('maps e-mail, name and multi-valued plain roles, and remembers the NameID and session index', async () => {
    const facts = await assertionFacts(
      profile({ mail: ' Anna@Kommune.example ', cn: 'Anna Berg', roles: ['SG-Fremdrift-Ledelse', 'SG-Alle', 'SG-Alle'] }),
      settings(),
    );
    expect(facts).toEqual({
      identity: {
        provider: 'saml',
        subject: 'anna@kommune.example',
        email: 'Anna@Kommune.example',
        displayName: 'Anna Berg',
        roles: [
          { value: 'SG-Fremdrift-Ledelse', unit: null },
          { value: 'SG-Alle', unit: null },
        ],
      },
      session: {
        method: 'saml',
        samlNameId: 'anna@kommune.example',
        samlNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        samlSessionIndex: '_s1',
      },
      assertionId: '_a1',
      notOnOrAfter: new Date('2026-12-04T10:10:00Z'),
    });
  });

  it('takes the subject from the configured attribute, and a single role as one claim', async () => {
    const facts = await assertionFacts(
      profile({ oid: 'b7c1-uuid', roles: 'SG-Fremdrift-Admin' }),
      settings({ attributes: { email: 'mail', name: 'cn', roles: 'roles', subject: 'oid' } }),
    );
    expect(facts.identity.subject).toBe('b7c1-uuid');
    expect(facts.identity.roles).toEqual([{ value: 'SG-Fremdrift-Admin', unit: null }]);
    expect(facts.identity.email).toBeNull();
    await expect(assertionFacts(profile({}), settings({ attributes: { email: 'mail', name: 'cn', roles: 'roles', subject: 'oid' } }))).rejects.toThrow(
      /has no oid attribute/,
    );
  });

  it('reads KOMBIT privilege lists from every value of the attribute', async () => {
    const list = (unit: string) =>
      base64(
        `<bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup><Privilege>${LEAD}</Privilege><Constraint Name="${ORG_UNIT}">${unit}</Constraint></PrivilegeGroup></bpp:PrivilegeList>`,
      );
    const facts = await assertionFacts(profile({ roles: [list('unit-a'), list('unit-b')] }), settings({ rolesFormat: 'kombit' }));
    expect(facts.identity.roles).toEqual([
      { value: LEAD, unit: 'unit-a' },
      { value: LEAD, unit: 'unit-b' },
    ]);
    await expect(assertionFacts(profile({ roles: 'not a list' }), settings({ rolesFormat: 'kombit' }))).rejects.toThrow(PrivilegeListError);
  });

  it('refuses an assertion without an end (it could be replayed for ever) or with identifiers longer than the database keeps', async () => {
    await expect(assertionFacts(profile({}, { Conditions: [{ $: {} }], Subject: [] }), settings())).rejects.toThrow(UnusableAssertionError);
    const long = { ...profile({}), nameID: 'x'.repeat(401) };
    await expect(assertionFacts(long, settings())).rejects.toThrow(/longer than 400 characters/);
    await expect(assertionFacts({ ...profile({}), nameID: '' }, settings())).rejects.toThrow(/has no NameID/);
  });
});

describe('parseIdpMetadata', () => {
  const metadata = (descriptor: string, extra = '') => `<?xml version="1.0"?>
    <EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
      <EntityDescriptor entityID="https://saml.adgangsstyring.stoettesystemerne.dk">${descriptor}</EntityDescriptor>${extra}
    </EntitiesDescriptor>`;
  const key = (use: string | null, certificate: string) =>
    `<KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>
      ${certificate}
    </ds:X509Certificate></ds:X509Data></ds:KeyInfo></KeyDescriptor>`;

  it('reads the entity ID, the HTTP-Redirect endpoints and every signing certificate (a key rollover has two)', async () => {
    const parsed = await parseIdpMetadata(
      metadata(`<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
        ${key('signing', 'MIIBold')}${key(null, 'MIIBnew')}${key('encryption', 'MIIBenc')}
        <SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example/slo-post"/>
        <SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/slo"/>
        <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location=" https://idp.example/sso "/>
      </IDPSSODescriptor>`),
    );
    expect(parsed).toEqual({
      entityId: 'https://saml.adgangsstyring.stoettesystemerne.dk',
      signOnUrl: 'https://idp.example/sso',
      logoutUrl: 'https://idp.example/slo',
      signingCertificates: ['MIIBold', 'MIIBnew'],
    });
  });

  it('says what is missing when the metadata cannot be used', async () => {
    const sso = '<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/sso"/>';
    await expect(parseIdpMetadata('<not xml')).rejects.toThrow(/not well-formed XML/);
    await expect(parseIdpMetadata(metadata('<SPSSODescriptor/>'))).rejects.toThrow(/exactly one identity provider \(IDPSSODescriptor\), found 0/);
    await expect(parseIdpMetadata(metadata(`<IDPSSODescriptor>${key('signing', 'MIIB')}</IDPSSODescriptor>`))).rejects.toThrow(/no SingleSignOnService/);
    await expect(parseIdpMetadata(metadata(`<IDPSSODescriptor>${key('encryption', 'MIIB')}${sso}</IDPSSODescriptor>`))).rejects.toThrow(
      /no signing certificate/,
    );
    const logoutless = await parseIdpMetadata(metadata(`<IDPSSODescriptor>${key('signing', 'MIIB')}${sso}</IDPSSODescriptor>`));
    expect(logoutless.logoutUrl).toBeNull();
  });
});
