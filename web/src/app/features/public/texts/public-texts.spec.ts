import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_SHELL_KEYS, publicShellTexts } from './shell-texts';
import { PUBLIC_TITLES } from '../public.routes';
import { publicTexts } from './public-texts';

type Tree = { [key: string]: unknown };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? keysOf(value as Tree, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the public texts', () => {
  it.each([
    ['feature', publicTexts],
    ['shell', publicShellTexts],
  ])('have the same %s keys in Danish and English', (_name, texts) => {
    expect(keysOf(texts.en as Tree).sort()).toEqual(keysOf(texts.da as Tree).sort());
  });

  it('keep Digitaliseringsstyrelsen as the enforcement body in both languages', () => {
    const da = publicTexts.da as { pub: { a11y: { enforcement: string } } };
    const en = publicTexts.en as { pub: { a11y: { enforcement: string } } };
    expect(da.pub.a11y.enforcement).toContain('Digitaliseringsstyrelsen');
    expect(en.pub.a11y.enforcement).toContain('Digitaliseringsstyrelsen');
  });

  it('have every key that the feature’s templates and code name (`fdPubText`, `pub(…)`), and the shell’s', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return files(path);
        return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
      });
    const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
    const missing: string[] = [];
    for (const file of files(join(__dirname, '..'))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(
        /'([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)'\s*\|\s*fdPubText|\bpub\('([a-z][A-Za-z0-9.]+)'\)|key: '([a-z][A-Za-z0-9.]+)'/g,
      )) {
        const key = match[1] ?? match[2] ?? match[3];
        for (const language of ['da', 'en'] as const) {
          const value = lookup(publicTexts[language], `pub.${key}`);
          if (value === undefined || (typeof value === 'object' && !Array.isArray(value) && !('one' in (value as Tree)))) missing.push(`${language} ${key}`);
        }
      }
    }
    for (const key of [...Object.values(PUBLIC_SHELL_KEYS), ...Object.values(PUBLIC_TITLES)]) {
      for (const language of ['da', 'en'] as const) if (typeof lookup(publicShellTexts[language], key) !== 'string') missing.push(`${language} ${key}`);
    }
    expect(missing).toEqual([]);
  });
});
