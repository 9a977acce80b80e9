import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardDa } from './da';
import { dashboardEn } from './en';
import { dashboardNavTexts } from './nav-texts';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
}

const lookup = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((node, part) => (node as Tree | undefined)?.[part], tree);
const placeholders = (text: string) => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const da = dashboardDa as unknown as Tree;
const en = dashboardEn as unknown as Tree;
const danishKeys = new Set(keysOf(da));
const pluralBases = new Set([...danishKeys].filter((key) => key.endsWith('.one')).map((key) => key.slice(0, -4)));

/*
 * The shared translations spec (core/i18n) checks the app's own files; the dashboard's texts are
 * merged in at run time, and its keys are relative to `dashboard.`, so it checks them here.
 */
describe('the dashboard’s texts', () => {
  it('has the same keys in English as in Danish', () => {
    expect(keysOf(en).sort()).toEqual([...danishKeys].sort());
    expect(keysOf(dashboardNavTexts.en as Tree)).toEqual(keysOf(dashboardNavTexts.da as Tree));
  });

  it('keeps the same placeholders in both languages', () => {
    for (const key of danishKeys) {
      expect([key, placeholders(lookup(en, key) as string)]).toEqual([key, placeholders(lookup(da, key) as string)]);
    }
  });

  it('has a one/other pair wherever it has either', () => {
    for (const key of danishKeys) {
      if (key.endsWith('.one')) expect(danishKeys).toContain(`${key.slice(0, -4)}.other`);
      if (key.endsWith('.other')) expect(danishKeys).toContain(`${key.slice(0, -6)}.one`);
    }
  });

  it('has every key that the dashboard’s templates and code name', () => {
    const root = join(__dirname, '..');
    const patterns = [
      /'([a-z][A-Za-z]*(?:\.[A-Za-z]+)*)'\s*\|\s*fdDashText/g,
      /\btext\('([a-z][A-Za-z]*(?:\.[A-Za-z]+)*)'/g,
      /\(\s*[\w.()!]+\s*===?\s*'\w+'\s*\?\s*'([a-z][A-Za-z.]+)'\s*:\s*'([a-z][A-Za-z.]+)'\s*\)\s*\|\s*fdDashText/g,
      /^\s*\w+:\s*'([a-z][A-Za-z]+\.col[A-Za-z]+)',$/gm,
    ];
    const pluralPattern = /\bcount\('([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)'/g;
    const missing: string[] = [];
    let found = 0;
    for (const file of filesUnder(root)) {
      const source = readFileSync(file, 'utf8');
      for (const pattern of patterns) {
        for (const match of source.matchAll(pattern)) {
          for (const key of match.slice(1).filter(Boolean)) {
            found++;
            if (!danishKeys.has(key)) missing.push(`${file.slice(root.length)}: ${key}`);
          }
        }
      }
      for (const match of source.matchAll(pluralPattern)) {
        found++;
        if (!pluralBases.has(match[1])) missing.push(`${file.slice(root.length)}: ${match[1]} (one/other)`);
      }
    }
    expect(missing).toEqual([]);
    expect(found).toBeGreaterThan(100);
  });

  it('has each department role’s name (read as `filters.role.<role>`)', () => {
    for (const role of ['any', 'lead', 'participating']) expect(danishKeys).toContain(`filters.role.${role}`);
  });
});
