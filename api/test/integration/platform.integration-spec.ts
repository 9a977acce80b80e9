import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PARTNER_TYPES } from '@fremdrift/contracts';
import { daysBetween, MUNICIPAL_TIME_ZONE, todayIn } from '@fremdrift/progress';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/core/config/app-config';
import { seedDemoData } from '../../src/database/seed/demo-seeder';
import { startTestApp, TABLES, type TestApp } from '../support/test-app';

const PLAN_2016 = 'Flygtningehandleplan 2016 – samskabt med nye og gamle aarhusianere';
const DEPARTMENT_CODES = ['BA', 'MBU', 'MKB', 'MSB', 'MSO', 'MTM'];
/** The tables the demo data fills. */
const SEEDED_TABLES = [
  'department',
  'partner',
  'action_plan',
  'goal',
  'initiative',
  'initiative_department',
  'milestone',
  'status_update',
  'initiative_partner',
];
/** Served by the Swagger module itself: the documentation, not the API it documents. */
const DOCS_ROUTE = /^\/api\/docs(?:$|[/-])/;
/** Served at the site's root outside the API and its document: for crawlers (modules/site-map), and the server-rendered public pages (modules/public-site). */
const SITE_ROOT_ROUTE = /^\/(?:robots\.txt|sitemap\.xml|om-data.*|tilgaengelighed.*|sprog.*|initiativ.*|handleplan.*)?$/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an OpenAPI document and API responses, walked generically
type Json = any;

/** The documented non-JSON bodies: the dashboard's event stream and exports, the open-data CSV and feeds, SAML's metadata and form posts. */
const NON_JSON_BODIES = [
  'text/event-stream',
  'text/csv',
  'text/html',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/atom+xml',
  'text/turtle',
  'application/ld+json',
  'application/samlmetadata+xml',
  'application/x-www-form-urlencoded',
];

function databaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: run the integration tests through jest.integration.config.cjs');
  return url;
}

/** `GET /api/initiatives/{}/milestones/{}`: a route as the router tells routes apart, whatever its parameters are named. */
const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}').replace(/:[^/]+/g, '{}')}`;

/**
 * Every route the running Fastify instance has registered for a method, read from its route tree.
 * Fastify prints one tree per method; each line is a node whose path continues its parent's. A node
 * with the same position but other parameter names shows them as `:id|:initiativeId`.
 */
function registeredRoutes(app: NestFastifyApplication): string[] {
  const fastify = app.getHttpAdapter().getInstance();
  const routes: string[] = [];
  for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    const tree = fastify.printRoutes({ method, commonPrefix: false });
    if (tree.includes('(empty tree)')) continue;
    const stack: string[] = [];
    for (const line of tree.split('\n')) {
      const match = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
      if (!match) {
        expect(line.trim()).toBe('');
        continue;
      }
      const depth = match[1].length / 4;
      stack.length = depth;
      stack.push(match[2]);
      if (match[3]?.split(', ').includes(method)) routes.push(`${method} ${stack.join('')}`);
    }
  }
  return routes;
}

/** The operations of the OpenAPI document, keyed as `routeKey` keys them. */
function documentedOperations(doc: Json): Map<string, { path: string; method: string; operation: Json }> {
  const operations = new Map<string, { path: string; method: string; operation: Json }>();
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      if (item[method]) operations.set(routeKey(method, path), { path, method, operation: item[method] });
    }
  }
  return operations;
}

/**
 * The routes whose handler reads a request body (`@Body()`), from the controllers' own metadata:
 * a POST such as a logout may take none, and then documents none.
 */
function routesReadingABody(app: NestFastifyApplication): Set<string> {
  const keys = new Set<string>();
  const join = (...parts: string[]) =>
    `/${parts
      .flatMap((part) => part.split('/'))
      .filter(Boolean)
      .join('/')}`;
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const controllerPaths: string[] = [Reflect.getMetadata(PATH_METADATA, controller) ?? '/'].flat();
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        const method = typeof handler === 'function' ? Reflect.getMetadata(METHOD_METADATA, handler) : undefined;
        if (method === undefined) continue;
        const args: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
        if (!Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY))) continue;
        const handlerPaths: string[] = [Reflect.getMetadata(PATH_METADATA, handler) ?? '/'].flat();
        for (const controllerPath of controllerPaths) {
          for (const handlerPath of handlerPaths) keys.add(routeKey(RequestMethod[method], join('api', controllerPath, handlerPath)));
        }
      }
    }
  }
  return keys;
}

function resolveRef(doc: Json, ref: string): Json {
  expect(ref).toMatch(/^#\//);
  return ref
    .slice(2)
    .split('/')
    .reduce((node: Json, key) => (node === undefined ? undefined : node[key.replace(/~1/g, '/').replace(/~0/g, '~')]), doc);
}

function allRefs(node: Json, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => allRefs(child, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else allRefs(value, found);
    }
  }
  return found;
}

/**
 * Where a JSON value departs from an OpenAPI 3.0 schema: types, required and undocumented
 * properties, enums and nullability. Enough to tell whether the documentation describes the API.
 */
function schemaMismatches(doc: Json, schema: Json, value: unknown, at = '$', found: string[] = []): string[] {
  if (schema.$ref) return schemaMismatches(doc, resolveRef(doc, schema.$ref), value, at, found);
  // `{}` allows any value: free-form data such as the before and after of a change.
  if (Object.keys(schema).every((key) => ['description', 'example'].includes(key))) return found;
  // `{ nullable: true, allOf: [{ $ref }] }` is how a nullable reference is written in OpenAPI 3.0.
  if (value === null) {
    if (!schema.nullable) found.push(`${at} is null, which the schema does not allow`);
    return found;
  }
  if (schema.allOf) {
    for (const part of schema.allOf) schemaMismatches(doc, part, value, at, found);
    return found;
  }
  if (schema.enum && !schema.enum.includes(value)) found.push(`${at} is ${JSON.stringify(value)}, not one of ${schema.enum.join(', ')}`);
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        found.push(`${at} is not an object`);
        break;
      }
      const record = value as Record<string, unknown>;
      for (const key of schema.required ?? []) if (!(key in record)) found.push(`${at}.${key} is required but missing`);
      for (const [key, child] of Object.entries(record)) {
        const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
        if (childSchema) schemaMismatches(doc, childSchema, child, `${at}.${key}`, found);
        else if (schema.additionalProperties !== true) found.push(`${at}.${key} is not documented`);
      }
      break;
    }
    case 'array':
      if (!Array.isArray(value)) found.push(`${at} is not an array`);
      else value.forEach((item, index) => schemaMismatches(doc, schema.items, item, `${at}[${index}]`, found));
      break;
    case 'string':
      if (typeof value !== 'string') found.push(`${at} is not a string`);
      break;
    case 'integer':
      if (!Number.isInteger(value)) found.push(`${at} is not an integer`);
      break;
    case 'number':
      if (typeof value !== 'number') found.push(`${at} is not a number`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') found.push(`${at} is not a boolean`);
      break;
    default:
      found.push(`${at} has a schema without a type: ${JSON.stringify(schema)}`);
  }
  return found;
}

/** A second app on its own database, which a test may take away without touching the shared one. */
async function startAppOnOwnDatabase(t: TestApp, database: string) {
  await t.dataSource.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await t.dataSource.query(`CREATE DATABASE ${database}`);
  const url = new URL(databaseUrl());
  url.pathname = `/${database}`;
  // Without the job queue: its workers would keep polling the database the test removes, past the test's end.
  const app = await createApp({ ...loadConfig({}), webRoot: null, databaseUrl: url.toString(), jobsEnabled: false }, url.toString(), false);
  const get = async (path: string) => {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: path });
    return { status: response.statusCode, headers: response.headers, body: response.json() };
  };
  return { app, get };
}

describe('Platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('GET /api/health', () => {
    it('reports the app and its database as up', async () => {
      const response = await t.get('/api/health');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toEqual({ status: 'ok', database: 'up', version: expect.any(String) });
    });

    it('answers 503 with database "down" when its database can no longer be reached', async () => {
      const database = `fremdrift_health_${process.pid}`;
      const own = await startAppOnOwnDatabase(t, database);
      try {
        expect((await own.get('/api/health')).body).toMatchObject({ status: 'ok', database: 'up' });

        // Ends the app's open connections and removes the database, so that new ones fail too.
        await t.dataSource.query(`DROP DATABASE ${database} WITH (FORCE)`);

        const response = await own.get('/api/health');
        expect(response.status).toBe(503);
        expect(response.headers['cache-control']).toBe('no-store');
        expect(response.body).toEqual({ status: 'error', database: 'down', version: expect.any(String) });
      } finally {
        await own.app.close();
        await t.dataSource.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      }
      // The shared test database is untouched.
      expect((await t.get('/api/health')).status).toBe(200);
    });
  });

  describe('unknown routes', () => {
    it('answers an unknown /api path with a 404 problem document', async () => {
      for (const [method, url] of [
        ['GET', '/api/no-such-thing'],
        ['GET', '/api/partners/3fa85f64-5717-4562-b3fc-2c963f66afa6/extra'],
        ['GET', '/api'],
        ['DELETE', '/api/initiatives'],
      ] as const) {
        const response = await t.app.getHttpAdapter().getInstance().inject({ method, url });
        expect(response.statusCode).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
      }
    });

    it('answers a known path with an unsupported method as a 404 problem, not a 500', async () => {
      const response = await t.put('/api/departments', { code: 'MSO', name: 'Sundhed og Omsorg' });
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, detail: expect.stringContaining('PUT /api/departments') });
    });
  });

  describe('GET /api/docs-json', () => {
    let doc: Json;
    let routes: string[];

    beforeAll(async () => {
      const response = await t.get('/api/docs-json');
      expect(response.status).toBe(200);
      doc = response.body;
      routes = registeredRoutes(t.app).filter((route) => !DOCS_ROUTE.test(route.split(' ')[1]) && !SITE_ROOT_ROUTE.test(route.split(' ')[1]));
    });

    it('is an OpenAPI 3 document whose references all resolve', () => {
      expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
      expect(doc.info).toMatchObject({ title: 'Fremdrift API', version: expect.any(String) });
      expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
      const operationIds: string[] = [];
      for (const [path, item] of Object.entries<Json>(doc.paths)) {
        expect(path).toMatch(/^\/api\//);
        for (const [method, operation] of Object.entries<Json>(item)) {
          expect(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']).toContain(method);
          expect(Object.keys(operation.responses ?? {}).length).toBeGreaterThan(0);
          for (const status of Object.keys(operation.responses)) expect(status).toMatch(/^(?:[1-5]\d\d|[1-5]XX|default)$/);
          operationIds.push(operation.operationId);
        }
      }
      expect(new Set(operationIds).size).toBe(operationIds.length);
      const unresolved = [...new Set(allRefs(doc))].filter((ref) => resolveRef(doc, ref) === undefined);
      expect(unresolved).toEqual([]);
    });

    it('reads the registered routes from the running app', () => {
      // Guards the route-tree parsing: without it, the next test could pass on an empty list.
      const keys = routes.map((route) => routeKey(route.split(' ')[0], route.split(' ')[1]));
      expect(keys).toEqual(
        expect.arrayContaining([
          'GET /api/health',
          'HEAD /api/health',
          'POST /api/partners',
          'GET /api/initiatives/{}/milestones/{}',
          'PUT /api/initiatives/{}/partners/{}',
          'DELETE /api/initiatives/{}/partners/{}',
          'PATCH /api/action-plans/{}/goals/{}',
        ]),
      );
      expect(keys.filter((key) => !/^[A-Z]+ \/api\/[a-z-]+(?:\/(?:[a-z-]+(?:\.[a-z]+)?|\{\}))*$/.test(key))).toEqual([]);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('documents every route the app registers, and no other', () => {
      // Fastify adds HEAD for every GET by itself; it answers like the GET that is documented.
      const keys = routes.filter((route) => !route.startsWith('HEAD ')).map((route) => routeKey(route.split(' ')[0], route.split(' ')[1]));
      const operations = documentedOperations(doc);
      expect(keys.filter((key) => !operations.has(key))).toEqual([]);
      expect([...operations.keys()].filter((key) => !keys.includes(key))).toEqual([]);
      for (const route of routes.filter((r) => r.startsWith('HEAD '))) {
        expect(routes).toContain(route.replace(/^HEAD/, 'GET'));
      }
    });

    it('names each path parameter as the router does, as a required path parameter', () => {
      const fastify = t.app.getHttpAdapter().getInstance();
      for (const { path, method, operation } of documentedOperations(doc).values()) {
        const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => `value-of-${name}`);
        const found = fastify.findRoute({ method: method.toUpperCase() as 'GET', url });
        expect({ route: `${method} ${path}`, params: { ...found?.params } }).toEqual({
          route: `${method} ${path}`,
          params: Object.fromEntries(names.map((name) => [name, `value-of-${name}`])),
        });
        const declared = (operation.parameters ?? []).filter((p: Json) => p.in === 'path');
        expect({ route: `${method} ${path}`, declared: declared.map((p: Json) => [p.name, p.required]).sort() }).toEqual({
          route: `${method} ${path}`,
          declared: names.map((name) => [name, true]).sort(),
        });
      }
    });

    it('reads from the controllers which routes take a request body', () => {
      // Guards the metadata reading: without it, the next test would ask no route for a body.
      const readers = routesReadingABody(t.app);
      expect([...readers]).toEqual(
        expect.arrayContaining(['POST /api/partners', 'PATCH /api/partners/{}', 'PUT /api/initiatives/{}/partners/{}', 'POST /api/departments']),
      );
      expect([...readers].filter((key) => !key.startsWith('GET ') && !key.startsWith('DELETE ')).length).toBeGreaterThan(15);
      expect([...readers].filter((key) => !routes.map((route) => routeKey(route.split(' ')[0], route.split(' ')[1])).includes(key))).toEqual([]);
    });

    it('documents a JSON request body for every POST, PUT and PATCH that takes one and a response schema for every success', () => {
      const readers = routesReadingABody(t.app);
      const gaps: string[] = [];
      for (const { path, method, operation } of documentedOperations(doc).values()) {
        const route = `${method.toUpperCase()} ${path}`;
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        const takesAFile = Object.keys(operation.requestBody?.content ?? {}).some((type) => NON_JSON_BODIES.includes(type));
        if (readers.has(routeKey(method, path))) {
          if (!schema && !takesAFile) gaps.push(`${route}: no application/json request body schema (nor a documented file type)`);
          else if (schema?.$ref && !resolveRef(doc, schema.$ref)?.properties) gaps.push(`${route}: request body schema ${schema.$ref} has no properties`);
        } else if (operation.requestBody) {
          gaps.push(`${route}: documents a request body that the handler does not read`);
        }
        const successes = Object.keys(operation.responses).filter((status) => /^2/.test(status));
        // A browser's sign-in steps answer only with redirects (303) to the identity provider or the web app.
        const redirects = Object.keys(operation.responses).some((status) => /^3/.test(status));
        if (successes.length === 0 && !redirects) gaps.push(`${route}: no 2xx response`);
        for (const status of successes) {
          const content = operation.responses[status].content;
          if (status === '204') {
            if (content) gaps.push(`${route}: 204 documents a body`);
          } else if (!content?.['application/json']?.schema && !Object.keys(content ?? {}).some((type) => NON_JSON_BODIES.includes(type))) {
            gaps.push(`${route}: ${status} has no application/json schema (nor a documented file or stream type)`);
          }
        }
        for (const status of Object.keys(operation.responses).filter((s) => /^4/.test(s))) {
          if (operation.responses[status].content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/ProblemDto') {
            gaps.push(`${route}: ${status} is not documented as a problem document`);
          }
        }
      }
      expect(gaps).toEqual([]);
    });

    it('describes what every GET route really returns, on the demo data', async () => {
      await t.reset();
      await seedDemoData(databaseUrl());
      // The demo writes no e-mail; one message, so that the outbox has a record to read.
      await t.dataSource.query(
        `INSERT INTO outbox_message (idempotency_key, kind, "to", language, subject, text, html, state) VALUES ('platform', 'digest', 'a@test.example', 'da', 'Overblik', 'Tekst', '<p>Tekst</p>', 'held')`,
      );
      // The demo freezes no reporting snapshot; one, so that a snapshot and its diff have a record to read.
      expect((await t.post('/api/reporting-snapshots', { name: 'Status pr. demo' })).status).toBe(201);
      // An initiative with milestones, status updates and partners, so that each nested list has a record to read.
      const [{ id: initiativeId }] = await t.dataSource.query(
        `SELECT i.id FROM initiative i WHERE EXISTS (SELECT 1 FROM milestone m WHERE m.initiative_id = i.id)
            AND EXISTS (SELECT 1 FROM status_update s WHERE s.initiative_id = i.id)
            AND EXISTS (SELECT 1 FROM initiative_partner l WHERE l.initiative_id = i.id) LIMIT 1`,
      );
      /** Fills each parameter with a record of the collection just before it: /initiatives/{initiativeId}/milestones/{id}. */
      const urlFor = async (path: string): Promise<string> => {
        let url = '';
        for (const segment of path.split('/').slice(1)) {
          if (!/^\{.+\}$/.test(segment)) {
            url += `/${segment}`;
            continue;
          }
          // Routes keyed by an initiative's id whose parent path is no list of their own (/api/reminders/initiatives/{id}).
          if (url === '/api/initiatives' || url === '/api/reminders/initiatives') {
            url += `/${initiativeId}`;
            continue;
          }
          const list = await t.get(url);
          const first = (Array.isArray(list.body) ? list.body : (list.body?.items ?? []))[0];
          expect({ collection: url, hasARecord: typeof first?.id === 'string' }).toEqual({ collection: url, hasARecord: true });
          url += `/${first.id}`;
        }
        return url;
      };
      const mismatches: string[] = [];
      let checked = 0;
      // Event streams never end and files are not JSON; the live-updates and dashboard tests read those.
      // Redirect-only routes (the sign-in steps) have no body to describe.
      const isRedirect = (operation: Json) => !operation.responses?.['200'] && Object.keys(operation.responses ?? {}).some((status) => /^3/.test(status));
      const isStream = (operation: Json) => !isRedirect(operation) && !Object.keys(operation.responses?.['200']?.content ?? {}).includes('application/json');
      for (const { path, operation } of [...documentedOperations(doc).values()].filter(
        (o) => o.method === 'get' && !isStream(o.operation) && !isRedirect(o.operation),
      )) {
        const url = await urlFor(path);
        const response = await t.get(url);
        const schema = operation.responses[String(response.status)]?.content?.['application/json']?.schema;
        if (response.status !== 200 || !schema) {
          mismatches.push(`GET ${url}: ${response.status} is not a documented JSON success`);
          continue;
        }
        mismatches.push(...schemaMismatches(doc, schema, response.body).map((m) => `GET ${path}: ${m}`));
        checked++;
      }
      expect(mismatches).toEqual([]);
      const streams = [...documentedOperations(doc).values()].filter((o) => o.method === 'get' && isStream(o.operation)).length;
      // The dashboard's events, workbook and CSV; the public CSV and the two Atom feeds; the initiative list's export and import
      // template; the unsubscribe page of a mail's link; the SAML service provider metadata; the DCAT catalog (negotiated, Turtle, JSON-LD);
      // the follow confirmation and unsubscribe pages.
      expect(streams).toBe(15);
      const redirects = [...documentedOperations(doc).values()].filter((o) => o.method === 'get' && isRedirect(o.operation)).length;
      expect(checked).toBe(routes.filter((route) => route.startsWith('GET ')).length - streams - redirects);
    });
  });

  describe('demo seed', () => {
    const count = async (sql: string, params: unknown[] = []) => ((await t.dataSource.query(sql, params)) as { count: number }[])[0].count;

    beforeAll(async () => {
      await t.reset();
      await seedDemoData(databaseUrl());
    });

    it('loads the six departments', async () => {
      const departments = await t.get('/api/departments?pageSize=100');
      expect(departments.body.total).toBe(6);
      expect(departments.body.items.map((d: Json) => d.code).sort()).toEqual(DEPARTMENT_CODES);
    });

    it('loads the 2016 plan with 16 initiatives led by all six departments', async () => {
      const plans = await t.get('/api/action-plans?pageSize=100');
      const plan = plans.body.items.find((p: Json) => p.title === PLAN_2016);
      expect(plan).toMatchObject({ coCreationDate: '2016-04-12', initiativeCount: 16 });
      const initiatives = await t.get(`/api/initiatives?actionPlanId=${plan.id}&pageSize=100`);
      expect(initiatives.body.total).toBe(16);
      expect([...new Set(initiatives.body.items.map((i: Json) => i.leadDepartment.code))].sort()).toEqual(DEPARTMENT_CODES);
    });

    it('gives every initiative of the 2016 plan 3 to 8 milestones', async () => {
      const rows: { title: string; milestones: number }[] = await t.dataSource.query(
        `SELECT i.title, (SELECT count(*) FROM milestone m WHERE m.initiative_id = i.id)::int AS milestones
           FROM initiative i JOIN action_plan p ON p.id = i.action_plan_id WHERE p.title = $1`,
        [PLAN_2016],
      );
      expect(rows).toHaveLength(16);
      for (const row of rows) {
        expect({ initiative: row.title, inRange: row.milestones >= 3 && row.milestones <= 8 }).toEqual({ initiative: row.title, inRange: true });
      }
    });

    it('gives the 2016 plan status updates over the past two years, none after today, for every initiative that is under way', async () => {
      const [span]: { first: string; last: string; lastReported: string; ordered: boolean }[] = await t.dataSource.query(
        `SELECT min(s.period_start)::text AS first, max(s.period_end)::text AS last, bool_and(s.period_end >= s.period_start) AS ordered,
                max(s.reported_at AT TIME ZONE 'Europe/Copenhagen')::date::text AS "lastReported"
           FROM status_update s JOIN initiative i ON i.id = s.initiative_id JOIN action_plan p ON p.id = i.action_plan_id
          WHERE p.title = $1`,
        [PLAN_2016],
      );
      const today = todayIn(MUNICIPAL_TIME_ZONE);
      expect(span.ordered).toBe(true);
      expect(daysBetween(span.first, today)).toBeGreaterThan(540);
      expect(daysBetween(today, span.last)).toBeLessThan(92);
      expect(span.lastReported <= today).toBe(true);
      const underWayWithoutUpdates = await t.dataSource.query(
        `SELECT i.title FROM initiative i JOIN action_plan p ON p.id = i.action_plan_id
          WHERE p.title = $1 AND i.status NOT IN ('idea', 'planned')
            AND NOT EXISTS (SELECT 1 FROM status_update s WHERE s.initiative_id = i.id)`,
        [PLAN_2016],
      );
      expect(underWayWithoutUpdates).toEqual([]);
    });

    it('loads partners of every type, and links partners of every type to the 2016 plan', async () => {
      const partners = await t.get('/api/partners?pageSize=100');
      expect([...new Set(partners.body.items.map((p: Json) => p.type))].sort()).toEqual([...PARTNER_TYPES].sort());
      const linkedTypes: { type: string }[] = await t.dataSource.query(
        `SELECT DISTINCT pa.type::text AS type FROM initiative_partner l JOIN partner pa ON pa.id = l.partner_id
           JOIN initiative i ON i.id = l.initiative_id JOIN action_plan p ON p.id = i.action_plan_id WHERE p.title = $1`,
        [PLAN_2016],
      );
      expect(linkedTypes.map((r) => r.type).sort()).toEqual([...PARTNER_TYPES].sort());
    });

    it('leaves two or three initiatives of the 2016 plan unpublished', async () => {
      const plan = (await t.get('/api/action-plans?pageSize=100')).body.items.find((p: Json) => p.title === PLAN_2016);
      const unpublished = await t.get(`/api/initiatives?actionPlanId=${plan.id}&published=false&pageSize=100`);
      expect(unpublished.body.items.every((i: Json) => i.published === false)).toBe(true);
      expect(unpublished.body.total).toBeGreaterThanOrEqual(2);
      expect(unpublished.body.total).toBeLessThanOrEqual(3);
      expect(
        await count(`SELECT count(*)::int AS count FROM initiative i JOIN action_plan p ON p.id = i.action_plan_id WHERE p.title = $1 AND NOT i.published`, [
          PLAN_2016,
        ]),
      ).toBe(unpublished.body.total);
    });

    it('loads a second plan with initiatives of its own', async () => {
      const plans = (await t.get('/api/action-plans?pageSize=100')).body;
      expect(plans.total).toBe(2);
      const second = plans.items.find((p: Json) => p.title !== PLAN_2016);
      expect(second.initiativeCount).toBeGreaterThan(0);
      expect((await t.get(`/api/initiatives?actionPlanId=${second.id}&pageSize=100`)).body.total).toBe(second.initiativeCount);
    });

    it('changes nothing when it runs a second time', async () => {
      const fingerprint = async () => {
        const [row] = await t.dataSource.query(
          `SELECT ${TABLES.map((table) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${table} x) AS ${table}`).join(', ')}`,
        );
        return row;
      };
      const counts = await t.rowCounts();
      const before = await fingerprint();
      for (const table of SEEDED_TABLES) expect({ table, rows: counts[table] > 0 }).toEqual({ table, rows: true });

      const second = await seedDemoData(databaseUrl());
      expect(second).toMatchObject({ departments: 0, partners: 0, plans: 0, initiatives: 0 });
      expect(Object.values(second).every((n) => n === 0)).toBe(true);
      expect(await t.rowCounts()).toEqual(counts);
      expect(await fingerprint()).toEqual(before);
    });

    it('reports what the first run loaded, matching the rows', async () => {
      await t.reset();
      const first = await seedDemoData(databaseUrl());
      const counts = await t.rowCounts();
      expect(first).toMatchObject({ departments: 6, partners: counts.partner, plans: 2, initiatives: counts.initiative });
      expect(counts).toMatchObject({ department: 6, action_plan: 2 });
    });
  });
});
