import { gunzipSync } from 'node:zlib';
import { validateXML } from 'xmllint-wasm';
import { SiteMapService } from '../../src/modules/site-map/site-map.service';
import { type Factories } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

const PUBLIC_URL = 'https://fremdrift.example.dk';

/**
 * The sitemap protocol's schema (sitemaps.org/schemas/sitemap/0.9), for <urlset> and
 * <sitemapindex>: what a search engine checks a sitemap against.
 */
const SITEMAP_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
  <xsd:element name="urlset">
    <xsd:complexType><xsd:sequence><xsd:element ref="url" minOccurs="0" maxOccurs="50000"/></xsd:sequence></xsd:complexType>
  </xsd:element>
  <xsd:element name="url">
    <xsd:complexType><xsd:all>
      <xsd:element name="loc" type="tLoc"/>
      <xsd:element name="lastmod" type="tLastmod" minOccurs="0"/>
      <xsd:element name="changefreq" minOccurs="0"><xsd:simpleType><xsd:restriction base="xsd:string">
        <xsd:enumeration value="always"/><xsd:enumeration value="hourly"/><xsd:enumeration value="daily"/><xsd:enumeration value="weekly"/>
        <xsd:enumeration value="monthly"/><xsd:enumeration value="yearly"/><xsd:enumeration value="never"/>
      </xsd:restriction></xsd:simpleType></xsd:element>
      <xsd:element name="priority" minOccurs="0"><xsd:simpleType><xsd:restriction base="xsd:decimal">
        <xsd:minInclusive value="0.0"/><xsd:maxInclusive value="1.0"/>
      </xsd:restriction></xsd:simpleType></xsd:element>
    </xsd:all></xsd:complexType>
  </xsd:element>
  <xsd:element name="sitemapindex">
    <xsd:complexType><xsd:sequence><xsd:element name="sitemap" minOccurs="0" maxOccurs="50000">
      <xsd:complexType><xsd:all><xsd:element name="loc" type="tLoc"/><xsd:element name="lastmod" type="tLastmod" minOccurs="0"/></xsd:all></xsd:complexType>
    </xsd:element></xsd:sequence></xsd:complexType>
  </xsd:element>
  <xsd:simpleType name="tLoc"><xsd:restriction base="xsd:anyURI"><xsd:minLength value="12"/><xsd:maxLength value="2048"/></xsd:restriction></xsd:simpleType>
  <xsd:simpleType name="tLastmod"><xsd:union memberTypes="xsd:date xsd:dateTime"/></xsd:simpleType>
</xsd:schema>`;

async function expectValidSitemap(xml: string): Promise<void> {
  const result = await validateXML({ xml: { fileName: 'sitemap.xml', contents: xml }, schema: { fileName: 'sitemap.xsd', contents: SITEMAP_XSD } });
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
/** The <lastmod> of the <url> whose <loc> is `loc`. */
function lastmodOf(xml: string, loc: string): string {
  const found = new RegExp(`<loc>${loc.replace(/[.?]/g, '\\$&')}</loc>\\s*<lastmod>([^<]+)</lastmod>`).exec(xml)?.[1];
  if (found === undefined) throw new Error(`No lastmod for ${loc}`);
  return found;
}

describe('robots.txt and sitemap.xml', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started), { publicUrl: PUBLIC_URL });
  // reset() empties the tables with TRUNCATE, which fires no change notification (no write of the app does).
  beforeEach(() => t.app.get(SiteMapService).invalidate());

  async function publicWorld() {
    const { department, plan, initiative: unpublished } = await make.world();
    const otherPlan = await make.plan();
    const published = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { published: true });
    const publishedElsewhere = await make.initiative({ actionPlanId: otherPlan.id, leadDepartmentId: department.id }, { published: true });
    return { plans: [plan, otherPlan], published: [published, publishedElsewhere], unpublished, department };
  }

  describe('GET /robots.txt', () => {
    it('is plain text for crawlers (not the app page), names the sitemap and keeps them out of the API except the open data', async () => {
      const response = await t.anonymous.get('/robots.txt');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      const lines = String(response.body).split('\n');
      expect(lines[0]).toBe('User-agent: *');
      expect(lines).toEqual(
        expect.arrayContaining([`Sitemap: ${PUBLIC_URL}/sitemap.xml`, 'Allow: /api/public/', 'Disallow: /api/', 'Disallow: /login', 'Allow: /']),
      );
      expect(response.body).not.toContain('<');
    });
  });

  describe('GET /sitemap.xml', () => {
    it('is a valid sitemap of the public pages: the front page, every plan and exactly the published initiatives', async () => {
      const world = await publicWorld();
      const response = await t.anonymous.get('/sitemap.xml');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      await expectValidSitemap(response.body);
      expect(locs(response.body).sort()).toEqual(
        [
          `${PUBLIC_URL}/`,
          `${PUBLIC_URL}/om-data`,
          `${PUBLIC_URL}/tilgaengelighed`,
          ...world.plans.map((p) => `${PUBLIC_URL}/handleplan/${p.id}`),
          ...world.published.map((i) => `${PUBLIC_URL}/initiativ/${i.id}`),
        ].sort(),
      );
      expect(response.body).not.toContain(world.unpublished.id);
    });

    it('dates each page by its last public change, and the front page by the newest', async () => {
      const world = await publicWorld();
      const [initiative] = world.published;
      const before = (await t.anonymous.get('/sitemap.xml')).body;
      const initiativeUrl = `${PUBLIC_URL}/initiativ/${initiative.id}`;
      expect(Date.parse(lastmodOf(before, initiativeUrl))).toBe(Date.parse((await t.get(`/api/initiatives/${initiative.id}`)).body.updatedAt));

      await new Promise((resolve) => setTimeout(resolve, 20));
      await make.milestone(initiative.id, { title: 'En ny milepæl' });
      const after = (await t.anonymous.get('/sitemap.xml')).body;
      const changed = lastmodOf(after, initiativeUrl);
      expect(Date.parse(changed)).toBeGreaterThan(Date.parse(lastmodOf(before, initiativeUrl)));
      expect(lastmodOf(after, `${PUBLIC_URL}/`)).toBe(changed);
      // The other initiative did not change.
      const other = `${PUBLIC_URL}/initiativ/${world.published[1].id}`;
      expect(lastmodOf(after, other)).toBe(lastmodOf(before, other));
    });

    it('follows publishing and unpublishing at once, whatever it held before', async () => {
      const world = await publicWorld();
      expect(locs((await t.anonymous.get('/sitemap.xml')).body)).not.toContain(`${PUBLIC_URL}/initiativ/${world.unpublished.id}`);

      const current = (await t.get(`/api/initiatives/${world.unpublished.id}`)).body;
      expect((await t.patch(`/api/initiatives/${world.unpublished.id}`, { published: true }, { ifMatch: current.version })).status).toBe(200);
      const withIt = locs((await t.anonymous.get('/sitemap.xml')).body);
      expect(withIt).toContain(`${PUBLIC_URL}/initiativ/${world.unpublished.id}`);

      const [gone] = world.published;
      const version = (await t.get(`/api/initiatives/${gone.id}`)).body.version;
      expect((await t.patch(`/api/initiatives/${gone.id}`, { published: false }, { ifMatch: version })).status).toBe(200);
      expect(locs((await t.anonymous.get('/sitemap.xml')).body)).not.toContain(`${PUBLIC_URL}/initiativ/${gone.id}`);
    });

    it('is a valid, short sitemap when nothing is public yet', async () => {
      const response = await t.anonymous.get('/sitemap.xml');
      await expectValidSitemap(response.body);
      expect(locs(response.body)).toEqual([`${PUBLIC_URL}/`, `${PUBLIC_URL}/om-data`, `${PUBLIC_URL}/tilgaengelighed`]);
    });

    it('is compressed for a client that asks, and sent as it is to one that does not', async () => {
      await publicWorld();
      for (let i = 0; i < 10; i++) await make.plan();
      const plain = await t.anonymous.get('/sitemap.xml');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(Buffer.byteLength(plain.body)).toBeGreaterThan(1024);

      const fastify = t.app.getHttpAdapter().getInstance();
      const gzipped = await fastify.inject({ method: 'GET', url: '/sitemap.xml', headers: { 'accept-encoding': 'gzip' } });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers['vary']).toContain('accept-encoding');
      expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(plain.body);
    });

    it('answers a page number it does not have with 404, and one that is no number with 400, never a 5xx', async () => {
      await publicWorld();
      for (const [query, status] of [
        ['?page=2', 404],
        ['?page=1', 404],
        ['?page=0', 400],
        ['?page=abc', 400],
        ['?page=1&page=2', 400],
        ['?page=99999999999999999999', 400],
      ] as const) {
        const response = await t.anonymous.get(`/sitemap.xml${query}`);
        expect({ query, status: response.status, type: response.headers['content-type'] }).toEqual({
          query,
          status,
          type: 'application/problem+json; charset=utf-8',
        });
      }
    });
  });
});
