/**
 * schema.org `Dataset` markup for search engines (Google Dataset Search), read from the API's
 * DCAT-AP-DK catalog in JSON-LD, so that the page and the catalog describe the same datasets.
 * The catalog is a flat `@graph` whose keys are compact IRIs (`dct:title`) and whose values are
 * arrays of `{ "@id" }`, `{ "@value", "@language" | "@type" }` or plain strings.
 */

type Value = string | { '@id'?: string; '@value'?: string; '@language'?: string; '@type'?: string };
interface CatalogNode {
  '@id': string;
  '@type'?: string[];
  [key: string]: unknown;
}
export interface DcatCatalogDocument {
  '@graph'?: CatalogNode[];
}

const IANA = 'https://www.iana.org/assignments/media-types/';

function values(node: CatalogNode | undefined, key: string): Value[] {
  const raw = node?.[key];
  return Array.isArray(raw) ? (raw as Value[]) : [];
}
const ids = (node: CatalogNode | undefined, key: string) => values(node, key).flatMap((v) => (typeof v === 'object' && v['@id'] ? [v['@id']] : []));
const id = (node: CatalogNode | undefined, key: string) => ids(node, key)[0] ?? null;
const literals = (node: CatalogNode | undefined, key: string) =>
  values(node, key).map((v) => (typeof v === 'string' ? { value: v, language: null } : { value: v['@value'] ?? '', language: v['@language'] ?? null }));

/** The text in `language`, else the Danish one, else the first. */
function text(node: CatalogNode | undefined, key: string, language: string): string | null {
  const all = literals(node, key);
  return (all.find((l) => l.language === language) ?? all.find((l) => l.language === 'da') ?? all[0])?.value ?? null;
}

/** One schema.org Dataset per DCAT dataset, in `language` where the catalog has it. */
export function schemaOrgDatasets(catalog: DcatCatalogDocument, language: string): Record<string, unknown>[] {
  const graph = catalog['@graph'] ?? [];
  const byId = new Map(graph.map((node) => [node['@id'], node]));
  const catalogNode = graph.find((node) => node['@type']?.includes('dcat:Catalog'));
  const agent = (nodeId: string | null) => {
    const node = nodeId ? byId.get(nodeId) : undefined;
    const name = text(node, 'foaf:name', language);
    if (!name) return undefined;
    const homepage = id(node, 'foaf:homepage');
    return { '@type': 'GovernmentOrganization', name, ...(homepage ? { url: homepage } : {}) };
  };
  return graph
    .filter((node) => node['@type']?.includes('dcat:Dataset'))
    .map((dataset) => {
      const publisher = agent(id(dataset, 'dct:publisher'));
      const period = byId.get(id(dataset, 'dct:temporal') ?? '');
      const start = text(period, 'dcat:startDate', language);
      const end = text(period, 'dcat:endDate', language);
      const spatial = id(dataset, 'dct:spatial');
      const distributions = ids(dataset, 'dcat:distribution').flatMap((distributionId) => {
        const distribution = byId.get(distributionId);
        const url = id(distribution, 'dcat:downloadURL') ?? id(distribution, 'dcat:accessURL');
        if (!url) return [];
        return [
          {
            '@type': 'DataDownload',
            name: text(distribution, 'dct:title', language) ?? undefined,
            encodingFormat: id(distribution, 'dcat:mediaType')?.replace(IANA, '') ?? undefined,
            contentUrl: url,
          },
        ];
      });
      const license = id(dataset, 'dct:license') ?? id(byId.get(ids(dataset, 'dcat:distribution')[0] ?? ''), 'dct:license') ?? id(catalogNode, 'dct:license');
      const modified = text(dataset, 'dct:modified', language);
      const issued = text(dataset, 'dct:issued', language);
      return {
        '@context': 'https://schema.org',
        '@type': 'Dataset',
        '@id': dataset['@id'],
        name: text(dataset, 'dct:title', language),
        description: text(dataset, 'dct:description', language),
        url: id(dataset, 'dcat:landingPage') ?? undefined,
        identifier: dataset['@id'],
        keywords: literals(dataset, 'dcat:keyword').map((k) => k.value),
        inLanguage: 'da',
        isAccessibleForFree: true,
        ...(license ? { license } : {}),
        ...(publisher ? { creator: publisher, publisher } : {}),
        ...(spatial ? { spatialCoverage: { '@type': 'Place', sameAs: spatial, ...(publisher ? { name: publisher.name } : {}) } } : {}),
        ...(start && end ? { temporalCoverage: `${start}/${end}` } : {}),
        ...(modified ? { dateModified: modified } : {}),
        ...(issued ? { datePublished: issued } : {}),
        distribution: distributions,
        ...(catalogNode ? { includedInDataCatalog: { '@type': 'DataCatalog', name: text(catalogNode, 'dct:title', language), url: catalogNode['@id'] } } : {}),
      };
    });
}
