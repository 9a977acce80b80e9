import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { validateXML } from 'xmllint-wasm';
import { loadConfig } from '../../src/core/config/app-config';
import { createSamlTestIdp, TEST_KEYS, type TestAssertion } from '../support/saml-test-idp';
import { useTestApp, type TestApp } from '../support/test-app';
import type { Factories } from '../support/factories';

/** The app's public address in tests (PUBLIC_URL unset). */
const APP = 'http://localhost:3000';
const SP_ENTITY_ID = `${APP}/api/auth/saml/metadata`;
const FORM = 'application/x-www-form-urlencoded';
const EMAIL = 'urn:oid:0.9.2342.19200300.100.1.3';
const NAME = 'urn:oid:2.5.4.3';
const PRIVILEGES = 'dk:gov:saml:attribute:Privileges_intermediate';
const ORG_UNIT = 'http://sts.kombit.dk/constraints/orgenhed/1';
const MANAGEMENT_ROLE = 'http://fremdrift.dk/roles/jobfunktionsrolle/ledelse/1';
const LEAD_ROLE = 'http://fremdrift.dk/roles/jobfunktionsrolle/afdelingsleder/1';
const MSO_UNIT = '5a1b0000-0000-4000-8000-00000000000a';
const OTHER_UNIT = '5a1b0000-0000-4000-8000-0000000000ff';
const SCHEMAS = join(__dirname, '..', 'support', 'saml-schemas');

const idp = createSamlTestIdp();
const metadataFile = join(mkdtempSync(join(tmpdir(), 'fremdrift-saml-')), 'idp-metadata.xml');
writeFileSync(metadataFile, idp.metadataXml);

/** KOMBIT's privilege attribute value: a base64 PrivilegeList (OIO Basic Privilege Profile). */
function privilegeList(groups: { privilege: string; units?: string[] }[]): string {
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile">' +
    groups
      .map(
        ({ privilege, units }) =>
          `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189846"><Privilege>${privilege}</Privilege>` +
          (units ?? []).map((unit) => `<Constraint Name="${ORG_UNIT}">${unit}</Constraint>`).join('') +
          '</PrivilegeGroup>',
      )
      .join('') +
    '</bpp:PrivilegeList>';
  return Buffer.from(xml, 'utf8').toString('base64');
}

const person = (overrides: Partial<TestAssertion> = {}): TestAssertion => ({
  nameId: 'C=DK,O=29189846,CN=Anna Berg,Serial=CVR:29189846-RID:1234',
  sessionIndex: '_session-anna',
  attributes: { [EMAIL]: ['anna.berg@kommune.example'], [NAME]: ['Anna Berg'], [PRIVILEGES]: [privilegeList([{ privilege: MANAGEMENT_ROLE }])] },
  ...overrides,
});

describe('SAML sign-in (samlify as the identity provider)', () => {
  let t: TestApp;
  let make: Factories;
  const identity = loadConfig({
    SAML_IDP_METADATA_FILE: metadataFile,
    SAML_SP_PRIVATE_KEY_FILE: TEST_KEYS.sp.privateKeyFile,
    SAML_SP_CERT_FILE: TEST_KEYS.sp.certificateFile,
    SAML_CLOCK_SKEW_SECONDS: '60',
    SSO_LABEL: 'Testkommune',
  }).identity;
  useTestApp(
    (started) => {
      ({ t, make } = started);
    },
    { identity },
  );

  let spMetadata: string;
  beforeAll(async () => {
    spMetadata = (await t.anonymous.get('/api/auth/saml/metadata')).body;
    idp.trust(spMetadata);
  });

  beforeEach(async () => {
    await t.dataSource.query('DELETE FROM identity_role_mapping');
    await t.dataSource.query("DELETE FROM sso_request WHERE kind = 'saml'");
    await t.dataSource.query('DELETE FROM saml_assertion_used');
    await t.post('/api/identity-role-mappings', { claimValue: MANAGEMENT_ROLE, role: 'management' });
  });

  const inject = (options: { method: 'GET' | 'POST'; url: string; payload?: string; headers?: Record<string, string> }) =>
    t.app.getHttpAdapter().getInstance().inject(options);

  /** Posts the Response to the ACS as the browser does; returns where it was sent and the session cookie it got. */
  async function post(samlResponse: string, relayState?: string) {
    const form = new URLSearchParams({ SAMLResponse: samlResponse, ...(relayState ? { RelayState: relayState } : {}) });
    const response = await inject({ method: 'POST', url: '/api/auth/saml/acs', payload: form.toString(), headers: { 'content-type': FORM } });
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const cookie = (name: string) =>
      cookies
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith(`${name}=`))
        ?.slice(name.length + 1) || null;
    return { status: response.statusCode, location: response.headers['location'], session: cookie(SESSION_COOKIE), csrf: cookie(XSRF_COOKIE) };
  }

  const me = async (session: string | null) => {
    const response = await inject({ method: 'GET', url: '/api/auth/me', headers: session ? { cookie: `${SESSION_COOKIE}=${session}` } : {} });
    return { status: response.statusCode, body: response.json() };
  };

  /** Starts a sign-in and returns the AuthnRequest's ID and the redirect's parameters. */
  async function startSignIn(returnTo = '/initiativer') {
    const response = await inject({ method: 'GET', url: `/api/auth/saml/login?returnTo=${encodeURIComponent(returnTo)}` });
    expect(response.statusCode).toBe(303);
    const location = new URL(String(response.headers['location']));
    const request = inflateRawSync(Buffer.from(location.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
    return { location, request, id: /\sID="([^"]+)"/.exec(request)?.[1] ?? '' };
  }

  const refused = (reason: string) => ({ status: 303, location: `/ingen-adgang?reason=${reason}`, session: null, csrf: null });

  describe('service provider metadata', () => {
    it('publishes the entity ID, the ACS (HTTP-POST), single logout, the NameID format and the signing and encryption certificate', async () => {
      const response = await t.anonymous.get('/api/auth/saml/metadata');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/samlmetadata+xml; charset=utf-8');
      expect(spMetadata).toContain(`entityID="${SP_ENTITY_ID}"`);
      expect(spMetadata).toMatch(
        new RegExp(`<AssertionConsumerService[^>]*Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"[^>]*Location="${APP}/api/auth/saml/acs"`),
      );
      expect(spMetadata).toContain(`<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${APP}/api/auth/saml/logout"`);
      expect(spMetadata).toContain('<NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</NameIDFormat>');
      const certificate = readFileSync(TEST_KEYS.sp.certificateFile, 'utf8').replace(/-----[^-]+-----|\s/g, '');
      expect(spMetadata.replace(/\s/g, '')).toContain(`<ds:X509Certificate>${certificate}</ds:X509Certificate>`);
      expect(spMetadata).toMatch(/<KeyDescriptor use="signing">/);
      expect(spMetadata).toMatch(/<KeyDescriptor use="encryption">/);
      expect(spMetadata).toContain('WantAssertionsSigned="true"');
    });

    it('validates against the SAML 2.0 metadata schema', async () => {
      const schema = (name: string) => readFileSync(join(SCHEMAS, name), 'utf8');
      // The OASIS schemas import the W3C ones by their web address; here they are read from the files.
      const local = (xsd: string) =>
        xsd
          .replace('http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd', 'xmldsig-core-schema.xsd')
          .replace('http://www.w3.org/TR/2002/REC-xmlenc-core-20021210/xenc-schema.xsd', 'xenc-schema.xsd')
          .replace('http://www.w3.org/2001/xml.xsd', 'xml.xsd');
      const preload = ['saml-schema-assertion-2.0.xsd', 'xmldsig-core-schema.xsd', 'xenc-schema.xsd', 'xml.xsd'].map((fileName) => ({
        fileName,
        contents: local(schema(fileName)),
      }));
      const schemaFile = { fileName: 'saml-schema-metadata-2.0.xsd', contents: local(schema('saml-schema-metadata-2.0.xsd')) };
      const valid = await validateXML({ xml: [{ fileName: 'sp-metadata.xml', contents: spMetadata }], schema: [schemaFile], preload });
      expect(valid.errors).toEqual([]);
      expect(valid.valid).toBe(true);
      // The same schema refuses metadata without its assertion consumer service, so the check above can fail.
      const broken = spMetadata.replace(/<AssertionConsumerService[^>]*\/>/, '');
      expect((await validateXML({ xml: [{ fileName: 'broken.xml', contents: broken }], schema: [schemaFile], preload })).valid).toBe(false);
    });
  });

  describe('signing in', () => {
    it('sends the browser to the identity provider with a signed AuthnRequest and the page to return to', async () => {
      const { location, request, id } = await startSignIn('/initiativer?side=2');
      expect(`${location.origin}${location.pathname}`).toBe(idp.signOnUrl);
      expect(location.searchParams.get('RelayState')).toBe('/initiativer?side=2');
      expect(location.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
      expect(location.searchParams.get('Signature')).toBeTruthy();
      expect(id).toMatch(/^_/);
      expect(request).toContain(`AssertionConsumerServiceURL="${APP}/api/auth/saml/acs"`);
      expect(request).toContain(`>${SP_ENTITY_ID}</saml:Issuer>`);
      expect(await t.dataSource.query(`SELECT kind FROM sso_request WHERE id = $1 AND expires_at <= now() + interval '10 minutes'`, [id])).toEqual([
        { kind: 'saml' },
      ]);
    });

    it('returns to the start page rather than to another site', async () => {
      for (const returnTo of ['https://evil.example/', '//evil.example/', '/api/auth/me']) {
        expect((await startSignIn(returnTo)).location.searchParams.get('RelayState')).toBe('/');
      }
    });

    it('signs a new user in with the role their job-function role maps to, and returns to the page they came from', async () => {
      const { id } = await startSignIn();
      const result = await post(await idp.loginResponse(person({ inResponseTo: id })), '/initiativer');
      expect(result).toMatchObject({ status: 303, location: '/initiativer' });
      const signedIn = await me(result.session);
      expect(signedIn).toMatchObject({ status: 200, body: { email: 'anna.berg@kommune.example', displayName: 'Anna Berg', role: 'management' } });
      const [session] = await t.dataSource.query(
        `SELECT s.auth_method, s.saml_name_id, s.saml_session_index, u.identity_provider, u.external_subject, u.password_hash
           FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = 'anna.berg@kommune.example'`,
      );
      expect(session).toEqual({
        auth_method: 'saml',
        saml_name_id: person().nameId,
        saml_session_index: '_session-anna',
        identity_provider: 'saml',
        external_subject: person().nameId,
        password_hash: null,
      });
    });

    it('decrypts an assertion encrypted to Fremdrift’s certificate, as KOMBIT’s Context Handler sends them', async () => {
      const response = await idp.loginResponse(person({ encrypted: true }));
      const xml = Buffer.from(response, 'base64').toString('utf8');
      expect(xml).toContain('EncryptedAssertion');
      expect(xml).not.toContain('anna.berg@kommune.example');
      const result = await post(response);
      expect(result.location).toBe('/');
      expect((await me(result.session)).body).toMatchObject({ email: 'anna.berg@kommune.example', role: 'management' });
    });

    it('accepts a response the identity provider sent on its own (no InResponseTo) and goes to / without a RelayState', async () => {
      const result = await post(await idp.loginResponse(person()));
      expect(result).toMatchObject({ status: 303, location: '/' });
      expect((await me(result.session)).status).toBe(200);
    });

    it('makes a KOMBIT job-function role constrained to an organisation unit a lead of the department mapped to that unit', async () => {
      const department = await make.department({ code: 'MSO', name: 'Miljø, Sundhed og Omsorg' });
      await t.post('/api/identity-role-mappings', { claimValue: LEAD_ROLE, unitConstraint: MSO_UNIT, role: 'department_lead', departmentId: department.id });
      const lead = person({
        nameId: 'C=DK,O=29189846,CN=Bo Dahl,Serial=CVR:29189846-RID:5678',
        attributes: { [EMAIL]: ['bo.dahl@kommune.example'], [NAME]: ['Bo Dahl'], [PRIVILEGES]: [privilegeList([{ privilege: LEAD_ROLE, units: [MSO_UNIT] }])] },
      });
      const result = await post(await idp.loginResponse(lead));
      expect(result.location).toBe('/');
      expect((await me(result.session)).body).toMatchObject({ role: 'department_lead', departments: [{ id: department.id, code: 'MSO' }] });

      const elsewhere = person({
        nameId: 'C=DK,O=29189846,CN=Cai Ebbe,Serial=CVR:29189846-RID:9012',
        attributes: { [EMAIL]: ['cai.ebbe@kommune.example'], [PRIVILEGES]: [privilegeList([{ privilege: LEAD_ROLE, units: [OTHER_UNIT] }])] },
      });
      expect(await post(await idp.loginResponse(elsewhere))).toEqual(refused('noMappedRole'));
    });

    it('refuses a person without a mapped role, and one without an e-mail', async () => {
      const unmapped = person({
        attributes: { [EMAIL]: ['anna.berg@kommune.example'], [PRIVILEGES]: [privilegeList([{ privilege: 'http://andet.dk/rolle/1' }])] },
      });
      expect(await post(await idp.loginResponse(unmapped))).toEqual(refused('noMappedRole'));
      const withoutEmail = person({ attributes: { [PRIVILEGES]: [privilegeList([{ privilege: MANAGEMENT_ROLE }])] } });
      expect(await post(await idp.loginResponse(withoutEmail))).toEqual(refused('missingEmail'));
    });
  });

  describe('refusing responses that do not check out', () => {
    const usersNamedAnna = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE email = 'anna.berg@kommune.example'`))[0].n;

    it('refuses an unsigned assertion', async () => {
      expect(await post(await idp.loginResponse(person({ signing: 'unsigned' })))).toEqual(refused('failed'));
      expect(await usersNamedAnna()).toBe(0);
    });

    it('refuses an assertion signed with a key the metadata does not name', async () => {
      expect(await post(await idp.loginResponse(person({ signing: 'otherKey' })))).toEqual(refused('failed'));
      expect(await usersNamedAnna()).toBe(0);
    });

    it('refuses an assertion altered after signing', async () => {
      const signed = Buffer.from(await idp.loginResponse(person()), 'base64').toString('utf8');
      const altered = signed.replace('Anna Berg</saml:AttributeValue>', 'Mallory</saml:AttributeValue>');
      expect(altered).not.toBe(signed);
      expect(await post(Buffer.from(altered).toString('base64'))).toEqual(refused('failed'));
    });

    it('refuses an expired assertion, and accepts one whose clock is ahead by less than the allowed skew', async () => {
      const expired = person({ issuedAt: new Date(Date.now() - 10 * 60_000), validForSeconds: 5 * 60 });
      expect(await post(await idp.loginResponse(expired))).toEqual(refused('failed'));
      const tooEarly = person({ issuedAt: new Date(Date.now() + 5 * 60_000) });
      expect(await post(await idp.loginResponse(tooEarly))).toEqual(refused('failed'));
      const slightlyAhead = person({ issuedAt: new Date(Date.now() + 30_000) });
      expect((await post(await idp.loginResponse(slightlyAhead))).location).toBe('/');
    });

    it('refuses an assertion posted a second time (replay), and keeps its ID until it expires', async () => {
      const response = await idp.loginResponse(person());
      const first = await post(response);
      expect(first.location).toBe('/');
      expect(await post(response)).toEqual(refused('failed'));
      const [used] = await t.dataSource.query(`SELECT expires_at > now() + interval '5 minutes' AS "keptPastSkew" FROM saml_assertion_used`);
      expect(used).toEqual({ keptPastSkew: true });
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM user_session WHERE auth_method = 'saml'`))[0].n).toBe(1);
    });

    it('refuses an assertion for another service provider (audience)', async () => {
      expect(await post(await idp.loginResponse(person({ audience: 'https://other-app.example/saml' })))).toEqual(refused('failed'));
    });

    it('refuses a response to a request it did not send, and a second response to the same request', async () => {
      expect(await post(await idp.loginResponse(person({ inResponseTo: '_never-sent' })))).toEqual(refused('failed'));
      const { id } = await startSignIn();
      expect((await post(await idp.loginResponse(person({ inResponseTo: id })), '/initiativer')).location).toBe('/initiativer');
      expect(await post(await idp.loginResponse(person({ inResponseTo: id })))).toEqual(refused('failed'));
    });

    it('answers a post that is no SAML response as a problem or a refusal, never a server error', async () => {
      const missing = await t.anonymous.send('POST', '/api/auth/saml/acs', 'RelayState=%2F', FORM);
      expect(missing.status).toBe(400);
      expect(missing.body.errors.SAMLResponse[0].code).toBe('isString');
      const twice = await t.anonymous.send('POST', '/api/auth/saml/acs', 'SAMLResponse=a&SAMLResponse=b', FORM);
      expect(twice.status).toBe(400);
      expect(await post('bm90IHhtbA==')).toEqual(refused('failed'));
      expect(await post('%%%')).toEqual(refused('failed'));
      expect((await t.anonymous.post('/api/auth/saml/acs', { SAMLResponse: 'x' })).status).toBe(415);
    });
  });

  describe('signing out', () => {
    async function signIn(sessionIndex: string) {
      const result = await post(await idp.loginResponse(person({ sessionIndex })));
      expect(result.location).toBe('/');
      return result;
    }

    it('ends the session the identity provider logs out (IdP-initiated single logout) and answers with a LogoutResponse', async () => {
      const kept = await signIn('_other-session');
      const ended = await signIn('_session-anna');
      const url = new URL(await idp.logoutRequestUrl(person().nameId, '_session-anna'));
      const response = await inject({ method: 'GET', url: `${url.pathname}${url.search}` });
      expect(response.statusCode).toBe(303);
      const back = new URL(String(response.headers['location']));
      expect(`${back.origin}${back.pathname}`).toBe(idp.logoutUrl);
      expect(inflateRawSync(Buffer.from(back.searchParams.get('SAMLResponse') ?? '', 'base64')).toString('utf8')).toContain(
        'urn:oasis:names:tc:SAML:2.0:status:Success',
      );
      expect((await me(ended.session)).status).toBe(401);
      expect((await me(kept.session)).status).toBe(200);
    });

    it('refuses an unsigned LogoutRequest and ends no session', async () => {
      const session = await signIn('_session-anna');
      const url = new URL(await idp.logoutRequestUrl(person().nameId));
      url.searchParams.delete('Signature');
      url.searchParams.delete('SigAlg');
      const response = await inject({ method: 'GET', url: `${url.pathname}${url.search}` });
      expect(response.statusCode).toBe(400);
      expect((await me(session.session)).status).toBe(200);
    });

    it('sends the browser to the identity provider with a LogoutRequest when the user signs out', async () => {
      const session = await signIn('_session-anna');
      const response = await inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: `${SESSION_COOKIE}=${session.session}`, [XSRF_HEADER.toLowerCase()]: session.csrf ?? '' },
      });
      expect(response.statusCode).toBe(200);
      const endSession = new URL(response.json().endSessionUrl);
      expect(`${endSession.origin}${endSession.pathname}`).toBe(idp.logoutUrl);
      const request = inflateRawSync(Buffer.from(endSession.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
      expect(request).toContain(`>${person().nameId}</saml:NameID>`);
      expect(request).toContain('_session-anna');
      expect(endSession.searchParams.get('Signature')).toBeTruthy();
      expect((await me(session.session)).status).toBe(401);

      // The identity provider answers; the browser lands on the sign-in page.
      const answer = new URL(idp.logoutResponseUrl(/\sID="([^"]+)"/.exec(request)?.[1] ?? ''));
      const landed = await inject({ method: 'GET', url: `${answer.pathname}${answer.search}` });
      expect({ status: landed.statusCode, location: landed.headers['location'] }).toEqual({ status: 303, location: '/login' });
    });

    it('offers the SAML sign-in on the sign-in page', async () => {
      expect((await t.anonymous.get('/api/auth/sign-in-options')).body.singleSignOn).toEqual({
        kind: 'saml',
        label: 'Testkommune',
        startUrl: '/api/auth/saml/login',
      });
    });
  });
});
