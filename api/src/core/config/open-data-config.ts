import { ConfigError, textFrom, urlFrom } from './config-values';

/**
 * Digitaliseringsstyrelsen recommends CC0 for public-sector open data ("Licens og brugsvilkår for
 * offentlige data"); the older "Vilkår for brug af danske offentlige data" have no canonical URI, so
 * a municipality that uses them sets OPEN_DATA_LICENSE_URL to its own copy.
 */
export const DEFAULT_LICENSE = { url: 'https://creativecommons.org/publicdomain/zero/1.0/', name: 'Creative Commons CCZero' } as const;

/** Aarhus Kommune (municipality code 0751) in DAGI, Danmarks Administrative Geografiske Inddeling. */
export const DEFAULT_SPATIAL_URI = 'https://api.dataforsyningen.dk/kommuner/0751';

export interface OpenDataConfig {
  /** The municipality that publishes the data (DCAT publisher, schema.org creator). */
  publisher: { name: string; uri: string | null };
  /** Where questions about the data go (DCAT contact point); null: the publisher's name and the "Om data" page. */
  contactEmail: string | null;
  license: { url: string; name: string | null };
  /** The area the data covers, as a URI (DAGI, GeoNames …). */
  spatialUri: string;
  /** The municipality's accessibility statement in Digitaliseringsstyrelsen's WAS-Tool; null: the built-in page. */
  accessibilityStatementUrl: string | null;
  /** What the built-in accessibility statement's placeholders show; null leaves a placeholder naming the setting. */
  accessibility: { preparedOn: string | null; responsible: string | null; email: string | null; phone: string | null };
}

export function openDataConfigFrom(env: NodeJS.ProcessEnv): OpenDataConfig {
  const licenseUrl = urlFrom(env, 'OPEN_DATA_LICENSE_URL')?.href ?? DEFAULT_LICENSE.url;
  return {
    publisher: { name: textFrom(env, 'OPEN_DATA_PUBLISHER_NAME') ?? 'Aarhus Kommune', uri: urlFrom(env, 'OPEN_DATA_PUBLISHER_URI')?.href ?? null },
    contactEmail: emailFrom(env, 'OPEN_DATA_CONTACT_EMAIL'),
    license: { url: licenseUrl, name: textFrom(env, 'OPEN_DATA_LICENSE_NAME') ?? (licenseUrl === DEFAULT_LICENSE.url ? DEFAULT_LICENSE.name : null) },
    spatialUri: urlFrom(env, 'OPEN_DATA_SPATIAL_URI')?.href ?? DEFAULT_SPATIAL_URI,
    accessibilityStatementUrl: urlFrom(env, 'ACCESSIBILITY_STATEMENT_URL')?.href ?? null,
    accessibility: {
      preparedOn: dateFrom(env, 'ACCESSIBILITY_STATEMENT_DATE'),
      responsible: textFrom(env, 'ACCESSIBILITY_CONTACT_UNIT'),
      email: emailFrom(env, 'ACCESSIBILITY_CONTACT_EMAIL'),
      phone: textFrom(env, 'ACCESSIBILITY_CONTACT_PHONE'),
    },
  };
}

function emailFrom(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = textFrom(env, name);
  if (raw === null) return null;
  if (!/^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/.test(raw)) throw new ConfigError(`${name} must be an e-mail address, got "${raw}"`);
  return raw;
}

function dateFrom(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = textFrom(env, name);
  if (raw === null) return null;
  const time = Date.parse(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== raw) {
    throw new ConfigError(`${name} must be a date written YYYY-MM-DD, got "${raw}"`);
  }
  return raw;
}
