export type CatalogSerialization = 'turtle' | 'jsonld';

const OFFERS: { serialization: CatalogSerialization; type: string }[] = [
  { serialization: 'turtle', type: 'text/turtle' },
  { serialization: 'jsonld', type: 'application/ld+json' },
  { serialization: 'jsonld', type: 'application/json' },
];

/**
 * The serialization an Accept header prefers: the offer with the highest quality, judged by the
 * most specific range that matches it; Turtle when nothing decides (no header, `*\/*`, a tie, or
 * only types we do not have: answering something beats a 406 for a harvester).
 */
export function preferredSerialization(accept: string | undefined): CatalogSerialization {
  const ranges = (accept ?? '')
    .split(',')
    .map((part) => {
      const [range, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { range: range.trim(), quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((r) => r.range !== '');
  let best: { serialization: CatalogSerialization; quality: number } = { serialization: 'turtle', quality: 0 };
  for (const offer of OFFERS) {
    const [type] = offer.type.split('/');
    const match = ranges.find((r) => r.range === offer.type) ?? ranges.find((r) => r.range === `${type}/*`) ?? ranges.find((r) => r.range === '*/*');
    if (match && match.quality > best.quality) best = { serialization: offer.serialization, quality: match.quality };
  }
  return best.serialization;
}
