import { ConfigError } from './config-values';
import { DEFAULT_LICENSE, DEFAULT_SPATIAL_URI, openDataConfigFrom } from './open-data-config';

describe('openDataConfigFrom', () => {
  it('describes Aarhus Kommune under CC0 when nothing is set, with no accessibility details', () => {
    expect(openDataConfigFrom({})).toEqual({
      publisher: { name: 'Aarhus Kommune', uri: null },
      contactEmail: null,
      license: { url: DEFAULT_LICENSE.url, name: 'Creative Commons CCZero' },
      spatialUri: DEFAULT_SPATIAL_URI,
      accessibilityStatementUrl: null,
      accessibility: { preparedOn: null, responsible: null, email: null, phone: null },
    });
  });

  it('reads every setting', () => {
    expect(
      openDataConfigFrom({
        OPEN_DATA_PUBLISHER_NAME: ' Odense Kommune ',
        OPEN_DATA_PUBLISHER_URI: 'https://www.odense.dk',
        OPEN_DATA_CONTACT_EMAIL: 'data@odense.dk',
        OPEN_DATA_LICENSE_URL: 'https://creativecommons.org/licenses/by/4.0/',
        OPEN_DATA_SPATIAL_URI: 'https://api.dataforsyningen.dk/kommuner/0461',
        ACCESSIBILITY_STATEMENT_URL: 'https://www.was.digst.dk/odense-dk',
        ACCESSIBILITY_STATEMENT_DATE: '2026-11-01',
        ACCESSIBILITY_CONTACT_UNIT: 'Digitalisering',
        ACCESSIBILITY_CONTACT_EMAIL: 'web@odense.dk',
        ACCESSIBILITY_CONTACT_PHONE: '66 13 13 72',
      }),
    ).toEqual({
      publisher: { name: 'Odense Kommune', uri: 'https://www.odense.dk/' },
      contactEmail: 'data@odense.dk',
      // A licence other than the default is named only when OPEN_DATA_LICENSE_NAME says so.
      license: { url: 'https://creativecommons.org/licenses/by/4.0/', name: null },
      spatialUri: 'https://api.dataforsyningen.dk/kommuner/0461',
      accessibilityStatementUrl: 'https://www.was.digst.dk/odense-dk',
      accessibility: { preparedOn: '2026-11-01', responsible: 'Digitalisering', email: 'web@odense.dk', phone: '66 13 13 72' },
    });
  });

  it.each([
    ['OPEN_DATA_PUBLISHER_URI', 'www.odense.dk'],
    ['OPEN_DATA_LICENSE_URL', 'ftp://example.dk/licens'],
    ['OPEN_DATA_SPATIAL_URI', 'Odense'],
    ['ACCESSIBILITY_STATEMENT_URL', 'javascript:alert(1)'],
    ['OPEN_DATA_CONTACT_EMAIL', 'data at odense.dk'],
    ['ACCESSIBILITY_CONTACT_EMAIL', 'web@odense'],
    ['ACCESSIBILITY_STATEMENT_DATE', '2026-02-30'],
  ])('refuses to start with %s=%p, naming the setting', (name, value) => {
    expect(() => openDataConfigFrom({ [name]: value })).toThrow(ConfigError);
    expect(() => openDataConfigFrom({ [name]: value })).toThrow(name);
  });
});
