import { schemaOrgDatasets, type DcatCatalogDocument } from './schema-org';

const BASE = 'https://fremdrift.kommune.dk';
const CATALOG = `${BASE}/api/public/dcat/catalog`;
const IANA = 'https://www.iana.org/assignments/media-types/';

/** The API's DCAT catalog in JSON-LD, cut down to one dataset with two distributions. */
const catalog: DcatCatalogDocument = {
  '@graph': [
    {
      '@id': CATALOG,
      '@type': ['dcat:Catalog'],
      'dct:title': [
        { '@value': 'Åbne data om samskabte initiativer', '@language': 'da' },
        { '@value': 'Open data on co-created initiatives', '@language': 'en' },
      ],
      'dct:license': [{ '@id': 'https://creativecommons.org/publicdomain/zero/1.0/' }],
    },
    { '@id': `${CATALOG}#publisher`, '@type': ['foaf:Agent'], 'foaf:name': [{ '@value': 'Aarhus Kommune', '@language': 'da' }] },
    {
      '@id': `${CATALOG}#dataset-initiatives`,
      '@type': ['dcat:Dataset'],
      'dct:title': [
        { '@value': 'Samskabte initiativer', '@language': 'da' },
        { '@value': 'Co-created initiatives', '@language': 'en' },
      ],
      'dct:description': [{ '@value': 'Kommunens offentliggjorte initiativer.', '@language': 'da' }],
      'dct:publisher': [{ '@id': `${CATALOG}#publisher` }],
      'dct:spatial': [{ '@id': 'https://api.dataforsyningen.dk/kommuner/0751' }],
      'dct:modified': [{ '@value': '2026-11-02T10:00:00.000Z', '@type': 'xsd:dateTime' }],
      'dct:temporal': [{ '@id': `${CATALOG}#period-initiatives` }],
      'dcat:keyword': [{ '@value': 'samskabelse', '@language': 'da' }],
      'dcat:landingPage': [{ '@id': `${BASE}/` }],
      'dcat:distribution': [{ '@id': `${CATALOG}#distribution-json` }, { '@id': `${CATALOG}#distribution-csv` }],
    },
    {
      '@id': `${CATALOG}#period-initiatives`,
      '@type': ['dct:PeriodOfTime'],
      'dcat:startDate': [{ '@value': '2016-05-01', '@type': 'xsd:date' }],
      'dcat:endDate': [{ '@value': '2027-12-31', '@type': 'xsd:date' }],
    },
    {
      '@id': `${CATALOG}#distribution-json`,
      '@type': ['dcat:Distribution'],
      'dct:title': [{ '@value': 'Initiativer (JSON)', '@language': 'da' }],
      'dcat:downloadURL': [{ '@id': `${BASE}/api/public/initiatives` }],
      'dcat:mediaType': [{ '@id': `${IANA}application/json` }],
      'dct:license': [{ '@id': 'https://creativecommons.org/publicdomain/zero/1.0/' }],
    },
    {
      '@id': `${CATALOG}#distribution-csv`,
      '@type': ['dcat:Distribution'],
      'dct:title': [{ '@value': 'Initiativer (CSV)', '@language': 'da' }],
      'dcat:accessURL': [{ '@id': `${BASE}/api/public/initiatives.csv` }],
      'dcat:mediaType': [{ '@id': `${IANA}text/csv` }],
    },
  ],
};

describe('schemaOrgDatasets', () => {
  it('describes each DCAT dataset as a schema.org Dataset with its downloads, licence, publisher, place and period', () => {
    const [dataset, ...others] = schemaOrgDatasets(catalog, 'da');
    expect(others).toEqual([]);
    expect(dataset).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      name: 'Samskabte initiativer',
      description: 'Kommunens offentliggjorte initiativer.',
      url: `${BASE}/`,
      keywords: ['samskabelse'],
      license: 'https://creativecommons.org/publicdomain/zero/1.0/',
      creator: { '@type': 'GovernmentOrganization', name: 'Aarhus Kommune' },
      publisher: { '@type': 'GovernmentOrganization', name: 'Aarhus Kommune' },
      spatialCoverage: { '@type': 'Place', sameAs: 'https://api.dataforsyningen.dk/kommuner/0751', name: 'Aarhus Kommune' },
      temporalCoverage: '2016-05-01/2027-12-31',
      dateModified: '2026-11-02T10:00:00.000Z',
      includedInDataCatalog: { '@type': 'DataCatalog', name: 'Åbne data om samskabte initiativer', url: CATALOG },
      distribution: [
        { '@type': 'DataDownload', name: 'Initiativer (JSON)', encodingFormat: 'application/json', contentUrl: `${BASE}/api/public/initiatives` },
        { '@type': 'DataDownload', name: 'Initiativer (CSV)', encodingFormat: 'text/csv', contentUrl: `${BASE}/api/public/initiatives.csv` },
      ],
    });
  });

  it('uses the English texts in English, and the Danish where there is no English', () => {
    const [dataset] = schemaOrgDatasets(catalog, 'en');
    expect(dataset['name']).toBe('Co-created initiatives');
    expect(dataset['description']).toBe('Kommunens offentliggjorte initiativer.');
  });

  it('describes nothing for an empty or unexpected document', () => {
    expect(schemaOrgDatasets({}, 'da')).toEqual([]);
    expect(schemaOrgDatasets({ '@graph': [{ '@id': 'x', 'dct:title': 'not a list' }] }, 'da')).toEqual([]);
  });
});
