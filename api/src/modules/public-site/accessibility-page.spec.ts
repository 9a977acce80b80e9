import { renderAccessibility } from './accessibility-page';
import { translator } from './public-site-texts';

const unset = { preparedOn: null, responsible: null, email: null, phone: null };

describe('the accessibility statement', () => {
  it('names the setting that fills each placeholder until it is set', () => {
    const page = renderAccessibility(translator('da'), { accessibilityStatementUrl: null, accessibility: unset }).value;
    for (const setting of ['ACCESSIBILITY_STATEMENT_DATE', 'ACCESSIBILITY_CONTACT_UNIT', 'ACCESSIBILITY_CONTACT_EMAIL', 'ACCESSIBILITY_CONTACT_PHONE']) {
      expect(page).toContain(`udfyldes af kommunen med indstillingen ${setting}`);
    }
  });

  it('shows the settings, escaped, once they are set', () => {
    const accessibility = { preparedOn: '2026-09-01', responsible: 'Borgerservice <IT>', email: 'was@aarhus.dk', phone: '+45 89 40 20 00' };
    const page = renderAccessibility(translator('en'), { accessibilityStatementUrl: null, accessibility }).value;
    expect(page).toContain('1 Sep 2026');
    expect(page).toContain('Borgerservice &lt;IT&gt;');
    expect(page).toContain('href="mailto:was@aarhus.dk"');
    expect(page).not.toContain('class="placeholder"');
  });

  it('points to the municipality’s statement in the WAS-Tool when it is configured', () => {
    const page = renderAccessibility(translator('da'), { accessibilityStatementUrl: 'https://www.was.digst.dk/aarhus-dk', accessibility: unset }).value;
    expect(page).toContain('href="https://www.was.digst.dk/aarhus-dk"');
    expect(page).toContain('Læs tilgængelighedserklæringen');
    expect(page).not.toContain('class="placeholder"');
  });
});
