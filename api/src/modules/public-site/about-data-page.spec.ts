import { CSV_COLUMNS } from '../public/public-formats';
import { CSV_COLUMN_NAMES, renderAboutData } from './about-data-page';
import { translator } from './public-site-texts';

describe('"Om data"', () => {
  it('documents every CSV column the download has, in its order', () => {
    expect(CSV_COLUMN_NAMES).toEqual(CSV_COLUMNS.map((column) => column.name));
  });

  it('states the progress rule with the numbers the code uses, at the address the pages link to', () => {
    const { main } = renderAboutData(translator('da'), null);
    expect(main.value).toContain('id="beregning"');
    expect(main.value).toMatch(/I gang<\/th>\s*<td class="numeric">50\u00a0%/);
  });

  it('has no JSON-LD without a catalog', () => {
    expect(renderAboutData(translator('da'), null).jsonLd).toBeUndefined();
  });
});
