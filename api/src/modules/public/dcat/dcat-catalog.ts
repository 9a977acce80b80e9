import { DataFactory, Writer, type Quad } from 'n3';
import type { OpenDataConfig } from '../../../core/config/open-data-config';
import type { PublishedFacts } from '../public.repository';
import { progressMethodology } from './progress-methodology';

/**
 * The open data described as a DCAT-AP-DK catalog, so that Open Data DK (CKAN with ckanext-dcat)
 * and other portals can harvest it. Follows DCAT-AP-DK 2.0.2 (Digitaliseringsstyrelsen, 2021; the
 * profile of DCAT-AP 2.0): the mandatory properties (catalog: title, description, publisher,
 * dataset; dataset: title, description, publisher; distribution: access URL; agent: name) and the
 * recommended ones the data can fill, with the code lists the profile names (EU frequency,
 * file-type, data-theme and language tables, IANA media types, ADMS publisher and licence types).
 *
 * One graph, two serializations: every resource has an IRI (no blank nodes), so that the JSON-LD
 * and the Turtle carry exactly the same triples.
 */

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
} as const;

export const CATALOG_PATH = '/api/public/dcat/catalog';

const EU = 'http://publications.europa.eu/resource/authority/';
const IANA = 'https://www.iana.org/assignments/media-types/';
const FORMATS = {
  json: { mediaType: 'application/json', fileType: 'JSON' },
  csv: { mediaType: 'text/csv', fileType: 'CSV' },
  atom: { mediaType: 'application/atom+xml', fileType: 'ATOM' },
} as const;

type Term = { iri: string } | { value: string; language?: 'da' | 'en'; datatype?: 'date' | 'dateTime' };
export interface GraphNode {
  id: string;
  types: string[];
  properties: [predicate: string, object: Term][];
}

const iri = (value: string): Term => ({ iri: value });
const da = (value: string): Term => ({ value, language: 'da' });
const en = (value: string): Term => ({ value, language: 'en' });
const dateTime = (value: string): Term => ({ value, datatype: 'dateTime' });
const date = (value: string): Term => ({ value, datatype: 'date' });

interface Texts {
  da: string;
  en: string;
}
interface DistributionSpec {
  key: string;
  title: Texts;
  description: Texts;
  path: string;
  format: keyof typeof FORMATS;
}
interface DatasetSpec {
  key: string;
  title: Texts;
  description: Texts;
  keywords: string[];
  themes: ('GOVE' | 'SOCI')[];
  landingPath: string;
  issued: string | null;
  modified: string | null;
  period: { start: string; end: string } | null;
  distributions: DistributionSpec[];
}

const isoDateTime = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The published datasets: only what there is a download for. Milestones have none of their own: they travel inside each initiative. */
function datasets(facts: PublishedFacts): DatasetSpec[] {
  const start = facts.earliestStart;
  const end = facts.latestTarget;
  const feedStart = facts.firstPeriodStart;
  const feedEnd = facts.lastPeriodEnd;
  const lastUpdatedAt = isoDateTime(facts.lastUpdatedAt);
  return [
    {
      key: 'initiatives',
      title: { da: 'Samskabte initiativer og deres fremdrift', en: 'Co-created initiatives and their progress' },
      description: {
        da: `Kommunens offentliggjorte initiativer fra de samskabte handleplaner: ansvarlig og deltagende afdelinger, status, vurdering, fremdrift og forventet fremdrift, start- og slutdato, milepæle, godkendte statustekster og samarbejdspartnere, der har givet samtykke. Milepælene indgår for hvert initiativ i JSON-udgaven (feltet milestones) og som antal i CSV-udgaven. ${progressMethodology('da')}`,
        en: `The municipality's published initiatives from the co-created action plans: lead and participating departments, status, health, progress and expected progress, start and target date, milestones, approved status texts and partners who agreed to be named. Milestones are included for each initiative in the JSON (field milestones) and as counts in the CSV. ${progressMethodology('en')}`,
      },
      keywords: ['handleplan', 'samskabelse', 'initiativer', 'fremdrift', 'milepæle', 'borgerinddragelse'],
      themes: ['GOVE', 'SOCI'],
      landingPath: '/',
      issued: null,
      modified: lastUpdatedAt,
      period: start && end && start <= end ? { start, end } : null,
      distributions: [
        {
          key: 'initiatives-json',
          title: { da: 'Initiativer (JSON)', en: 'Initiatives (JSON)' },
          description: {
            da: 'Alle offentliggjorte initiativer med milepæle og statustekster.',
            en: 'Every published initiative with its milestones and status texts.',
          },
          path: '/api/public/initiatives.json',
          format: 'json',
        },
        {
          key: 'initiatives-csv',
          title: { da: 'Initiativer (CSV)', en: 'Initiatives (CSV)' },
          description: {
            da: 'Én række pr. initiativ til regneark (UTF-8 med BOM, semikolon); kolonnerne er beskrevet på siden "Om data".',
            en: 'One row per initiative for spreadsheets (UTF-8 with BOM, semicolons); the columns are described on the "About the data" page.',
          },
          path: '/api/public/initiatives.csv',
          format: 'csv',
        },
      ],
    },
    {
      key: 'action-plans',
      title: { da: 'Samskabte handleplaner', en: 'Co-created action plans' },
      description: {
        da: 'Handleplanerne: hvordan og hvornår de blev samskabt, hvor mange borgere, frivillige, virksomheder, foreninger og medarbejdere der deltog, deres mål og offentliggjorte initiativer.',
        en: 'The action plans: how and when they were co-created, how many citizens, volunteers, companies, associations and staff took part, their goals and published initiatives.',
      },
      keywords: ['handleplan', 'samskabelse', 'borgerinddragelse', 'mål'],
      themes: ['GOVE'],
      landingPath: '/',
      // The public data holds no date of a plan's own changes: better no date than a wrong one.
      issued: null,
      modified: null,
      period: null,
      distributions: [
        {
          key: 'action-plans-json',
          title: { da: 'Handleplaner (JSON)', en: 'Action plans (JSON)' },
          description: { da: 'Alle handleplaner med mål og initiativernes id.', en: 'Every action plan with its goals and the ids of its initiatives.' },
          path: '/api/public/action-plans',
          format: 'json',
        },
      ],
    },
    {
      key: 'status-updates',
      title: { da: 'Nyt fra initiativerne (statusopdateringer)', en: 'News from the initiatives (status updates)' },
      description: {
        da: 'Godkendte offentlige statusopdateringer som nyhedsfeed (Atom), nyeste først (højst 50): for alle handleplaner og for hver handleplan.',
        en: 'Approved public status updates as news feeds (Atom), newest first (at most 50): for all action plans and for each action plan.',
      },
      keywords: ['statusopdateringer', 'nyhedsfeed', 'fremdrift'],
      themes: ['GOVE', 'SOCI'],
      landingPath: '/',
      issued: isoDateTime(facts.firstPublishedAt),
      modified: isoDateTime(facts.lastPublishedAt),
      period: feedStart && feedEnd ? { start: feedStart, end: feedEnd } : null,
      distributions: [
        {
          key: 'feed',
          title: { da: 'Nyhedsfeed for alle handleplaner (Atom)', en: 'News feed for all action plans (Atom)' },
          description: { da: 'Godkendte statusopdateringer fra alle initiativer.', en: 'Approved status updates from every initiative.' },
          path: '/api/public/feed.atom',
          format: 'atom',
        },
        ...facts.plans.map((plan): DistributionSpec => ({
          key: `feed-${plan.id}`,
          title: { da: `Nyhedsfeed: ${plan.title} (Atom)`, en: `News feed: ${plan.title} (Atom)` },
          description: { da: 'Godkendte statusopdateringer fra handleplanens initiativer.', en: "Approved status updates from the action plan's initiatives." },
          path: `/api/public/action-plans/${plan.id}/feed.atom`,
          format: 'atom',
        })),
      ],
    },
  ];
}

/** The catalog as a list of resources with their properties. `baseUrl` is the configured public address. */
export function catalogGraph(facts: PublishedFacts, config: OpenDataConfig, baseUrl: string): GraphNode[] {
  const catalog = baseUrl + CATALOG_PATH;
  const publisher = config.publisher.uri ?? `${catalog}#publisher`;
  const contact = `${catalog}#contact-point`;
  const license = config.license.url;
  const language = iri(`${EU}language/DAN`);
  const specs = datasets(facts);
  const lastUpdatedAt = isoDateTime(facts.lastUpdatedAt);
  const nodes: GraphNode[] = [];
  const node = (id: string, types: string[], properties: GraphNode['properties']) => nodes.push({ id, types, properties });

  node(
    catalog,
    [`${NS.dcat}Catalog`],
    [
      [`${NS.dct}title`, da(`Åbne data om samskabte initiativer – ${config.publisher.name}`)],
      [`${NS.dct}title`, en(`Open data on co-created initiatives – ${config.publisher.name}`)],
      [
        `${NS.dct}description`,
        da(
          'Katalog over de åbne data om kommunens samskabte handleplaner og initiativer: initiativerne med deres fremdrift, handleplanerne og nyhedsfeeds med godkendte statusopdateringer.',
        ),
      ],
      [
        `${NS.dct}description`,
        en(
          "Catalogue of the open data on the municipality's co-created action plans and initiatives: the initiatives with their progress, the action plans and news feeds of approved status updates.",
        ),
      ],
      [`${NS.dct}publisher`, iri(publisher)],
      [`${NS.foaf}homepage`, iri(`${baseUrl}/om-data`)],
      [`${NS.dct}language`, language],
      [`${NS.dct}license`, iri(license)],
      [`${NS.dct}spatial`, iri(config.spatialUri)],
      [`${NS.dcat}themeTaxonomy`, iri(`${EU}data-theme`)],
      ...(lastUpdatedAt ? ([[`${NS.dct}modified`, dateTime(lastUpdatedAt)]] as GraphNode['properties']) : []),
      ...specs.map((spec): GraphNode['properties'][number] => [`${NS.dcat}dataset`, iri(`${catalog}#dataset-${spec.key}`)]),
    ],
  );

  node(
    publisher,
    [`${NS.foaf}Agent`, `${NS.foaf}Organization`],
    [
      [`${NS.foaf}name`, da(config.publisher.name)],
      [`${NS.dct}type`, iri('http://purl.org/adms/publishertype/LocalAuthority')],
      ...(config.publisher.uri ? ([[`${NS.foaf}homepage`, iri(config.publisher.uri)]] as GraphNode['properties']) : []),
    ],
  );

  node(
    contact,
    [`${NS.vcard}Kind`, `${NS.vcard}Organization`],
    [
      [`${NS.vcard}fn`, da(config.publisher.name)],
      ...(config.contactEmail ? ([[`${NS.vcard}hasEmail`, iri(`mailto:${config.contactEmail}`)]] as GraphNode['properties']) : []),
      [`${NS.vcard}hasURL`, iri(`${baseUrl}/om-data`)],
    ],
  );

  node(
    license,
    [`${NS.dct}LicenseDocument`],
    [
      ...(config.license.name ? ([[`${NS.dct}title`, da(config.license.name)]] as GraphNode['properties']) : []),
      ...(license === 'https://creativecommons.org/publicdomain/zero/1.0/'
        ? ([[`${NS.dct}type`, iri('http://purl.org/adms/licencetype/PublicDomain')]] as GraphNode['properties'])
        : []),
    ],
  );

  for (const spec of specs) {
    const id = `${catalog}#dataset-${spec.key}`;
    const period = `${catalog}#period-${spec.key}`;
    node(
      id,
      [`${NS.dcat}Dataset`],
      [
        [`${NS.dct}title`, da(spec.title.da)],
        [`${NS.dct}title`, en(spec.title.en)],
        [`${NS.dct}description`, da(spec.description.da)],
        [`${NS.dct}description`, en(spec.description.en)],
        [`${NS.dct}identifier`, { value: id }],
        [`${NS.dct}publisher`, iri(publisher)],
        [`${NS.dcat}contactPoint`, iri(contact)],
        [`${NS.dcat}landingPage`, iri(baseUrl + spec.landingPath)],
        [`${NS.foaf}page`, iri(`${baseUrl}/om-data`)],
        [`${NS.dct}language`, language],
        [`${NS.dct}spatial`, iri(config.spatialUri)],
        [`${NS.dct}accessRights`, iri(`${EU}access-right/PUBLIC`)],
        [`${NS.dct}accrualPeriodicity`, iri(`${EU}frequency/CONT`)],
        ...spec.themes.map((theme): GraphNode['properties'][number] => [`${NS.dcat}theme`, iri(`${EU}data-theme/${theme}`)]),
        ...spec.keywords.map((keyword): GraphNode['properties'][number] => [`${NS.dcat}keyword`, da(keyword)]),
        ...(spec.issued ? ([[`${NS.dct}issued`, dateTime(spec.issued)]] as GraphNode['properties']) : []),
        ...(spec.modified ? ([[`${NS.dct}modified`, dateTime(spec.modified)]] as GraphNode['properties']) : []),
        ...(spec.period ? ([[`${NS.dct}temporal`, iri(period)]] as GraphNode['properties']) : []),
        ...spec.distributions.map((d): GraphNode['properties'][number] => [`${NS.dcat}distribution`, iri(`${catalog}#distribution-${d.key}`)]),
      ],
    );
    if (spec.period) {
      node(
        period,
        [`${NS.dct}PeriodOfTime`],
        [
          [`${NS.dcat}startDate`, date(spec.period.start)],
          [`${NS.dcat}endDate`, date(spec.period.end)],
        ],
      );
    }
    for (const d of spec.distributions) {
      const format = FORMATS[d.format];
      node(
        `${catalog}#distribution-${d.key}`,
        [`${NS.dcat}Distribution`],
        [
          [`${NS.dct}title`, da(d.title.da)],
          [`${NS.dct}title`, en(d.title.en)],
          [`${NS.dct}description`, da(d.description.da)],
          [`${NS.dct}description`, en(d.description.en)],
          [`${NS.dcat}accessURL`, iri(baseUrl + d.path)],
          [`${NS.dcat}downloadURL`, iri(baseUrl + d.path)],
          [`${NS.dcat}mediaType`, iri(IANA + format.mediaType)],
          [`${NS.dct}format`, iri(`${EU}file-type/${format.fileType}`)],
          [`${NS.dct}license`, iri(license)],
          [`${NS.dct}language`, language],
          [`${NS.foaf}page`, iri(`${baseUrl}/om-data`)],
        ],
      );
    }
  }
  return nodes;
}

const XSD_TYPES = { date: `${NS.xsd}date`, dateTime: `${NS.xsd}dateTime` } as const;

export function graphQuads(nodes: GraphNode[]): Quad[] {
  const { namedNode, literal, quad } = DataFactory;
  const object = (term: Term) =>
    'iri' in term ? namedNode(term.iri) : literal(term.value, term.language ?? (term.datatype ? namedNode(XSD_TYPES[term.datatype]) : undefined));
  return nodes.flatMap((n) => [
    ...n.types.map((type) => quad(namedNode(n.id), namedNode(`${NS.rdf}type`), namedNode(type))),
    ...n.properties.map(([predicate, term]) => quad(namedNode(n.id), namedNode(predicate), object(term))),
  ]);
}

export function catalogTurtle(nodes: GraphNode[]): string {
  const writer = new Writer({ prefixes: { dcat: NS.dcat, dct: NS.dct, foaf: NS.foaf, vcard: NS.vcard, xsd: NS.xsd } });
  writer.addQuads(graphQuads(nodes));
  let turtle = '';
  // Without an output stream the writer collects the text and hands it over synchronously.
  writer.end((error, result: string) => {
    if (error) throw error;
    turtle = result;
  });
  return turtle;
}

/** Compact IRIs for the prefixes the context declares; anything else stays absolute. */
function compact(value: string): string {
  for (const [prefix, namespace] of Object.entries(NS)) {
    if (prefix !== 'rdf' && value.startsWith(namespace)) return `${prefix}:${value.slice(namespace.length)}`;
  }
  return value;
}

export function catalogJsonLd(nodes: GraphNode[]): object {
  const { rdf: _rdf, ...context } = NS;
  return {
    '@context': context,
    '@graph': nodes.map((n) => {
      const entry: Record<string, unknown> = { '@id': n.id, '@type': n.types.map(compact) };
      for (const [predicate, term] of n.properties) {
        const key = compact(predicate);
        const value =
          'iri' in term
            ? { '@id': term.iri }
            : term.language
              ? { '@value': term.value, '@language': term.language }
              : term.datatype
                ? { '@value': term.value, '@type': `xsd:${term.datatype}` }
                : term.value;
        entry[key] = [...((entry[key] as unknown[] | undefined) ?? []), value];
      }
      return entry;
    }),
  };
}
