import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { PROGRESS_BY_STATUS } from '@fremdrift/progress';
import { loadConfig } from '../../src/core/config/app-config';
import { type Factories } from '../support/factories';
import { type TestApp, type TestResponse, useTestApp } from '../support/test-app';

// jsonld ships no types; only toRDF is used, to read the JSON-LD as RDF the way a harvester does.
const jsonld = require('jsonld') as { toRDF(input: object, options: object): Promise<RdfJsQuad[]> };

interface RdfJsTerm {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
}
interface RdfJsQuad {
  subject: RdfJsTerm;
  predicate: RdfJsTerm;
  object: RdfJsTerm;
}
type Triple = { s: string; p: string; o: RdfJsTerm };

const PUBLIC_URL = 'https://fremdrift.example.dk';
const CATALOG = `${PUBLIC_URL}/api/public/dcat/catalog`;
const WAS_TOOL = 'https://www.was.digst.dk/fremdrift-example-dk';
const UNPUBLISHED = 'HEMMELIG-UPUBLICERET-INITIATIV';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';

const webRoots: string[] = [];
afterAll(() => webRoots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A web root with an index page, so that the web app's routes (among them /was) are served. */
function webRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fremdrift-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fremdrift</title>');
  webRoots.push(dir);
  return dir;
}

const termKey = (t: RdfJsTerm) =>
  t.termType === 'Literal' ? `"${t.value}"@${t.language ?? ''}^^${t.language ? '' : (t.datatype?.value ?? '')}` : `<${t.value}>`;
const tripleKeys = (quads: RdfJsQuad[]) => quads.map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`).sort();

function parseTurtle(text: string): RdfJsQuad[] {
  return new Parser({ format: 'text/turtle', baseIRI: CATALOG }).parse(text) as unknown as RdfJsQuad[];
}

async function parseJsonLd(document: object): Promise<RdfJsQuad[]> {
  // Everything the document needs is inline: a remote context would be a mistake, so none is fetched.
  const documentLoader = (url: string) => Promise.reject(new Error(`No remote documents in a test: ${url}`));
  return jsonld.toRDF(document, { documentLoader });
}

/** The graph as subject → predicate → objects, for the property checks. */
function graphOf(quads: RdfJsQuad[]) {
  const triples: Triple[] = quads.map((q) => ({ s: q.subject.value, p: q.predicate.value, o: q.object }));
  const objects = (s: string, p: string) => triples.filter((t) => t.s === s && t.p === p).map((t) => t.o);
  const ofType = (type: string) => triples.filter((t) => t.p === RDF_TYPE && t.o.value === type).map((t) => t.s);
  return { triples, objects, ofType };
}

describe('The DCAT-AP-DK catalog of the open data', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started), {
    publicUrl: PUBLIC_URL,
    webRoot: webRoot(),
    openData: {
      ...loadConfig({}).openData,
      publisher: { name: 'Eksempel Kommune', uri: 'https://www.eksempel.dk/' },
      contactEmail: 'aabnedata@eksempel.dk',
      accessibilityStatementUrl: WAS_TOOL,
      accessibility: { preparedOn: '2026-11-01', responsible: 'Digitalisering', email: 'web@eksempel.dk', phone: '89 40 20 00' },
    },
  });

  /** A published initiative with a milestone and an approved update, and an unpublished one in the same plan. */
  async function publishedAndHidden() {
    const { plan, department, initiative: hidden } = await make.world();
    await t.patch(`/api/initiatives/${hidden.id}`, { title: UNPUBLISHED }, { ifMatch: hidden.version });
    const published = await make.initiative(
      { actionPlanId: plan.id, leadDepartmentId: department.id },
      { title: 'Sprogpraktik i virksomheder', published: true, status: 'in_progress', startDate: '2026-01-01', targetDate: '2027-12-31' },
    );
    await make.milestone(published.id, { title: 'Aftaler med de første virksomheder', completedDate: '2026-05-01' });
    await make.statusUpdate(published.id, { publicText: 'Ti virksomheder er med.' });
    return { plan, hidden, published };
  }

  async function both(): Promise<{ turtle: TestResponse<string>; json: TestResponse<object> }> {
    return { turtle: await t.anonymous.get('/api/public/dcat/catalog.ttl'), json: await t.anonymous.get('/api/public/dcat/catalog.jsonld') };
  }

  it('serves the same triples as Turtle and as JSON-LD, as RDF parsers read them', async () => {
    await publishedAndHidden();
    const { turtle, json } = await both();
    expect(turtle.status).toBe(200);
    expect(turtle.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/ld+json; charset=utf-8');

    const fromTurtle = tripleKeys(parseTurtle(turtle.body));
    const fromJsonLd = tripleKeys(await parseJsonLd(json.body));
    expect(fromTurtle.length).toBeGreaterThan(50);
    expect(fromJsonLd).toEqual(fromTurtle);
  });

  it('carries every mandatory DCAT-AP-DK property on the catalog, each dataset, each distribution and the publisher', async () => {
    const { plan } = await publishedAndHidden();
    const { objects, ofType } = graphOf(parseTurtle((await t.anonymous.get('/api/public/dcat/catalog.ttl')).body));
    const literalsIn = (s: string, p: string, language: string) => objects(s, p).filter((o) => o.termType === 'Literal' && o.language === language);

    expect(ofType(`${DCAT}Catalog`)).toEqual([CATALOG]);
    expect(literalsIn(CATALOG, `${DCT}title`, 'da')).toHaveLength(1);
    expect(literalsIn(CATALOG, `${DCT}title`, 'en')).toHaveLength(1);
    expect(literalsIn(CATALOG, `${DCT}description`, 'da')).toHaveLength(1);
    expect(objects(CATALOG, `${DCT}publisher`)).toEqual([expect.objectContaining({ termType: 'NamedNode', value: 'https://www.eksempel.dk/' })]);
    expect(objects(CATALOG, `${DCT}license`).map((o) => o.value)).toEqual(['https://creativecommons.org/publicdomain/zero/1.0/']);
    expect(objects(CATALOG, `${DCT}spatial`).map((o) => o.value)).toEqual(['https://api.dataforsyningen.dk/kommuner/0751']);

    const publisher = 'https://www.eksempel.dk/';
    expect(ofType(`${FOAF}Agent`)).toContain(publisher);
    expect(objects(publisher, `${FOAF}name`).map((o) => o.value)).toEqual(['Eksempel Kommune']);

    const datasets = objects(CATALOG, `${DCAT}dataset`).map((o) => o.value);
    expect(datasets.sort()).toEqual(ofType(`${DCAT}Dataset`).sort());
    expect(datasets).toHaveLength(3);
    const distributions: string[] = [];
    for (const dataset of datasets) {
      expect({ dataset, title: literalsIn(dataset, `${DCT}title`, 'da').length }).toEqual({ dataset, title: 1 });
      expect({ dataset, title: literalsIn(dataset, `${DCT}title`, 'en').length }).toEqual({ dataset, title: 1 });
      expect({ dataset, description: literalsIn(dataset, `${DCT}description`, 'da').length }).toEqual({ dataset, description: 1 });
      expect({ dataset, publisher: objects(dataset, `${DCT}publisher`).map((o) => o.value) }).toEqual({ dataset, publisher: [publisher] });
      const [contact] = objects(dataset, `${DCAT}contactPoint`);
      expect(ofType(`${VCARD}Kind`)).toContain(contact.value);
      expect(objects(contact.value, `${VCARD}hasEmail`).map((o) => o.value)).toEqual(['mailto:aabnedata@eksempel.dk']);
      expect(objects(dataset, `${DCT}accrualPeriodicity`).map((o) => o.value)).toEqual(['http://publications.europa.eu/resource/authority/frequency/CONT']);
      expect(
        objects(dataset, `${DCAT}theme`).every((o) => /^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/(GOVE|SOCI)$/.test(o.value)),
      ).toBe(true);
      expect(objects(dataset, `${DCT}spatial`)).toHaveLength(1);
      distributions.push(...objects(dataset, `${DCAT}distribution`).map((o) => o.value));
    }
    // The initiatives (JSON, CSV), the plans (JSON), the feed of all plans and one per plan.
    expect(distributions).toHaveLength(5);
    expect(distributions.sort()).toEqual(ofType(`${DCAT}Distribution`).sort());
    for (const distribution of distributions) {
      const [access] = objects(distribution, `${DCAT}accessURL`);
      const [download] = objects(distribution, `${DCAT}downloadURL`);
      const [mediaType] = objects(distribution, `${DCAT}mediaType`);
      expect({ distribution, access: access?.value.startsWith(`${PUBLIC_URL}/api/public/`) }).toEqual({ distribution, access: true });
      expect(download.value).toBe(access.value);
      expect(mediaType.value).toMatch(/^https:\/\/www\.iana\.org\/assignments\/media-types\/(application\/json|text\/csv|application\/atom\+xml)$/);
      expect(objects(distribution, `${DCT}format`)[0].value).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(JSON|CSV|ATOM)$/);
      expect(objects(distribution, `${DCT}license`)).toHaveLength(1);
      // Each download answers with the media type the catalog promises.
      const answer = await t.anonymous.get(download.value.slice(PUBLIC_URL.length));
      expect({ distribution, status: answer.status, type: String(answer.headers['content-type']).split(';')[0] }).toEqual({
        distribution,
        status: 200,
        type: mediaType.value.replace('https://www.iana.org/assignments/media-types/', ''),
      });
    }
    expect(distributions).toContain(`${CATALOG}#distribution-feed-${plan.id}`);
  });

  it('states the progress rule, with the weights the code uses, in the initiatives dataset', async () => {
    await publishedAndHidden();
    const { objects } = graphOf(parseTurtle((await t.anonymous.get('/api/public/dcat/catalog.ttl')).body));
    const descriptions = objects(`${CATALOG}#dataset-initiatives`, `${DCT}description`);
    const danish = descriptions.find((o) => o.language === 'da')?.value ?? '';
    const english = descriptions.find((o) => o.language === 'en')?.value ?? '';
    expect(danish).toContain('Sådan beregnes fremdriften');
    expect(danish).toContain(`i gang ${Math.round(PROGRESS_BY_STATUS.in_progress * 100)} %`);
    expect(danish).toContain('hvert initiativ tæller lige meget');
    expect(english).toContain(`in progress ${Math.round(PROGRESS_BY_STATUS.in_progress * 100)} %`);
  });

  it('names no unpublished initiative anywhere, in either serialization', async () => {
    const { plan, hidden } = await publishedAndHidden();
    const { turtle, json } = await both();
    for (const body of [turtle.body, JSON.stringify(json.body)]) {
      expect(body).toContain(`/api/public/action-plans/${plan.id}/feed.atom`);
      expect(body).not.toContain(UNPUBLISHED);
      expect(body).not.toContain(hidden.id);
    }
  });

  it('dates the datasets from the data', async () => {
    await publishedAndHidden();
    const initiatives = (await t.anonymous.get('/api/public/initiatives.json')).body;
    const { objects } = graphOf(parseTurtle((await t.anonymous.get('/api/public/dcat/catalog.ttl')).body));
    const [modified] = objects(`${CATALOG}#dataset-initiatives`, `${DCT}modified`);
    expect(modified).toMatchObject({ value: initiatives.lastUpdatedAt, datatype: { value: 'http://www.w3.org/2001/XMLSchema#dateTime' } });
    const [period] = objects(`${CATALOG}#dataset-initiatives`, `${DCT}temporal`);
    expect(objects(period.value, `${DCAT}startDate`).map((o) => o.value)).toEqual(['2026-01-01']);
    expect(objects(period.value, `${DCAT}endDate`).map((o) => o.value)).toEqual(['2027-12-31']);
    const [issued] = objects(`${CATALOG}#dataset-status-updates`, `${DCT}issued`);
    expect(issued.value).toBe(initiatives.items[0].updates[0].publishedAt);
  });

  it('negotiates the serialization at the catalog address', async () => {
    await publishedAndHidden();
    const turtle = await t.anonymous.get('/api/public/dcat/catalog.ttl');
    const cases: [string | undefined, string, string][] = [
      [undefined, 'text/turtle', 'catalog.ttl'],
      ['text/turtle', 'text/turtle', 'catalog.ttl'],
      ['application/ld+json', 'application/ld+json', 'catalog.jsonld'],
      ['application/json;q=0.9, text/turtle;q=0.5', 'application/ld+json', 'catalog.jsonld'],
      ['application/rdf+xml', 'text/turtle', 'catalog.ttl'],
    ];
    for (const [accept, type, file] of cases) {
      const response = await t.anonymous.get('/api/public/dcat/catalog', accept ? { headers: { accept } } : {});
      expect({ accept, status: response.status, type: String(response.headers['content-type']).split(';')[0] }).toEqual({ accept, status: 200, type });
      expect(response.headers['content-location']).toBe(`${CATALOG}.${file.split('.')[1]}`);
      expect(response.headers['vary']).toBe('accept, accept-encoding');
    }
    expect((await t.anonymous.get('/api/public/dcat/catalog', { headers: { accept: 'text/turtle' } })).body).toBe(turtle.body);
  });

  it('is cached with an ETag like the other open data, open to every origin, and changes with the data', async () => {
    const { plan } = await publishedAndHidden();
    const first = await t.anonymous.get('/api/public/dcat/catalog.ttl');
    expect(first.headers['cache-control']).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    const etag = String(first.headers['etag']);
    expect((await t.anonymous.get('/api/public/dcat/catalog.ttl', { headers: { 'if-none-match': etag } })).status).toBe(304);

    await t.patch(
      `/api/action-plans/${plan.id}`,
      { title: 'Ny titel på handleplanen' },
      { ifMatch: (await t.get(`/api/action-plans/${plan.id}`)).body.version },
    );
    let changed = first;
    for (let attempt = 0; attempt < 50 && changed.body === first.body; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      changed = await t.anonymous.get('/api/public/dcat/catalog.ttl', { headers: { 'if-none-match': etag } });
    }
    expect(changed.status).toBe(200);
    expect(changed.body).toContain('Ny titel på handleplanen');
  });

  it('tells the public pages where the accessibility statement is, and /was sends visitors there', async () => {
    const site = await t.anonymous.get('/api/public/site');
    expect(site.status).toBe(200);
    expect(site.body).toEqual({
      accessibilityStatementUrl: WAS_TOOL,
      accessibility: { preparedOn: '2026-11-01', responsible: 'Digitalisering', email: 'web@eksempel.dk', phone: '89 40 20 00' },
      catalogUrl: CATALOG,
    });
    const was = await t.anonymous.get('/was');
    expect(was.status).toBe(302);
    expect(was.headers['location']).toBe(WAS_TOOL);
  });
});

describe('The accessibility statement without a WAS-Tool address', () => {
  let t: TestApp;
  useTestApp((started) => ({ t } = started), { publicUrl: `${PUBLIC_URL}/borger`, webRoot: webRoot() });

  it('sends /was to the built-in statement, and leaves its details to the placeholders', async () => {
    const was = await t.anonymous.get('/was');
    expect(was.status).toBe(302);
    expect(was.headers['location']).toBe(`${PUBLIC_URL}/borger/tilgaengelighed`);
    expect((await t.anonymous.get('/api/public/site')).body).toEqual({
      accessibilityStatementUrl: null,
      accessibility: { preparedOn: null, responsible: null, email: null, phone: null },
      catalogUrl: `${PUBLIC_URL}/borger/api/public/dcat/catalog`,
    });
  });

  it('describes the default municipality with the default licence when nothing is configured', async () => {
    const turtle = (await t.anonymous.get('/api/public/dcat/catalog.ttl')).body as string;
    const { objects } = graphOf(parseTurtle(turtle));
    const catalog = `${PUBLIC_URL}/borger/api/public/dcat/catalog`;
    const [publisher] = objects(catalog, `${DCT}publisher`);
    expect(publisher.value).toBe(`${catalog}#publisher`);
    expect(objects(publisher.value, `${FOAF}name`).map((o) => o.value)).toEqual(['Aarhus Kommune']);
    expect(objects('https://creativecommons.org/publicdomain/zero/1.0/', `${DCT}title`).map((o) => o.value)).toEqual(['Creative Commons CCZero']);
    // With nothing published the catalog still lists its three datasets (empty downloads are still downloads).
    expect(objects(catalog, `${DCAT}dataset`)).toHaveLength(3);
  });
});
