import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { da } from './translations/da';
import { en } from './translations/en';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const danishKeys = new Set(keysOf(da as unknown as Tree));
/** Keys of a `one`/`other` pair, used as `plural('x.y', n)`. */
const pluralBases = new Set([...danishKeys].filter((key) => key.endsWith('.one')).map((key) => key.slice(0, -4)));

describe('translations', () => {
  it('has the same keys in English as in Danish', () => {
    expect(keysOf(en as unknown as Tree).sort()).toEqual([...danishKeys].sort());
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort();
    const lookup = (tree: Tree, key: string) => key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part], tree) as string;
    for (const key of danishKeys) {
      expect([key, placeholders(lookup(en as unknown as Tree, key))]).toEqual([key, placeholders(lookup(da as unknown as Tree, key))]);
    }
  });

  it('has every key that the templates and code name', () => {
    const root = join(__dirname, '../..');
    const missing: string[] = [];
    const patterns = [
      /'([a-z][A-Za-z]+(?:\.[A-Za-z]+)+)'\s*\|\s*translate/g,
      /\bt\('([a-z][A-Za-z]+(?:\.[A-Za-z]+)+)'/g,
      /\bplural\('([a-z][A-Za-z]+(?:\.[A-Za-z]+)+)'/g,
      /\(\s*[\w.()!]+\s*\?\s*'([a-z][A-Za-z]+\.[A-Za-z.]+)'\s*:\s*'([a-z][A-Za-z]+\.[A-Za-z.]+)'\s*\)\s*\|\s*translate/g,
      /(?:label|title|hint|labelKey):\s*'([a-z][A-Za-z]+\.[A-Za-z]+)'/g,
    ];
    for (const file of filesUnder(root)) {
      const source = readFileSync(file, 'utf8');
      for (const pattern of patterns) {
        for (const match of source.matchAll(pattern)) {
          for (const key of match.slice(1).filter(Boolean)) {
            if (!danishKeys.has(key) && !pluralBases.has(key)) missing.push(`${file.slice(root.length)}: ${key}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
