import { interpolate, PUBLIC_SITE_TEXTS, translator } from './public-site-texts';

/** Every key path with the kind of value at it: text, list or nested section. */
function shape(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [`${prefix}: text`];
  if (Array.isArray(node)) return [`${prefix}: list`];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => shape(value, prefix ? `${prefix}.${key}` : key));
}

describe('the public texts', () => {
  it('have the same keys, of the same kinds, in Danish and English', () => {
    expect(shape(PUBLIC_SITE_TEXTS.en).sort()).toEqual(shape(PUBLIC_SITE_TEXTS.da).sort());
  });

  it('have no empty text and the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const leaves = (lang: 'da' | 'en') => {
      const out = new Map<string, string>();
      const walk = (node: unknown, path: string) => {
        if (typeof node === 'string') out.set(path, node);
        else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
        else for (const [key, value] of Object.entries(node as object)) walk(value, path ? `${path}.${key}` : key);
      };
      walk(PUBLIC_SITE_TEXTS[lang], '');
      return out;
    };
    const da = leaves('da');
    const en = leaves('en');
    for (const [path, text] of da) {
      expect(text.trim()).not.toBe('');
      expect(en.get(path)?.trim()).toBeTruthy();
      expect([path, placeholders(en.get(path) ?? '')]).toEqual([path, placeholders(text)]);
    }
  });
});

describe('translator', () => {
  const da = translator('da');
  const en = translator('en');

  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(da.t('pub.card.progress', { title: 'Sprogcafé' })).toBe('Fremdrift for Sprogcafé');
    expect(interpolate('{{a}} og {{ b }} og {{c}}', { a: 1, b: 'to' })).toBe('1 og to og {{c}}');
  });

  it('chooses the plural form by count and formats the count in the language', () => {
    expect(da.plural('pub.front.count', 0)).toBe('Viser 0 initiativer');
    expect(da.plural('pub.front.count', 1)).toBe('Viser 1 initiativ');
    expect(da.plural('pub.front.count', 1234)).toBe('Viser 1.234 initiativer');
    expect(en.plural('pub.front.count', 1)).toBe('Showing 1 initiative');
    expect(en.plural('pub.front.count', 1234)).toBe('Showing 1,234 initiatives');
  });

  it('formats dates as the app does, a moment in Copenhagen time', () => {
    expect(da.date('2026-11-23')).toBe('23. nov. 2026');
    expect(en.date('2026-11-23')).toBe('23 Nov 2026');
    // 23:30 UTC on 31 December is already New Year's Day in Copenhagen.
    expect(da.date('2026-12-31T23:30:00Z')).toBe('1. jan. 2027');
    expect(da.dateTime('2026-07-01T12:05:00Z')).toBe('1. jul. 2026 14:05');
    expect(en.dateTime('2026-01-15T08:00:00Z')).toBe('15 Jan 2026 09:00');
    expect(da.date(null)).toBe('');
    expect(da.date('not a date')).toBe('');
  });

  it('formats shares as percentages in each language', () => {
    expect(da.percent(0.42)).toBe('42\u00a0%');
    expect(en.percent(0.42)).toBe('42%');
    expect(da.percent(Number.NaN)).toBe('0\u00a0%');
  });

  it('gives lists as lists', () => {
    expect(da.list('pub.a11y.compliant').length).toBeGreaterThan(2);
  });
});
