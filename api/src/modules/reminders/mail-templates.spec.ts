import { formatPeriod, renderDigest, renderReminder } from './mail-templates';

const context = {
  language: 'da' as const,
  publicUrl: 'https://fremdrift.example',
  recipientName: 'Mette',
  unsubscribeUrl: 'https://fremdrift.example/u?x=1&y=2',
};
const initiative = { id: 'i-1', title: 'Unge <script>alert(1)</script> & ældre', departmentName: 'Børn & Unge' };

describe('reminder mail templates', () => {
  it('escapes titles and links in the HTML but keeps the plain text as written', () => {
    const mail = renderReminder(
      { kind: 'reminder', period: 'monthly', periodStart: '2026-12-01', periodEnd: '2026-12-31', initiatives: [initiative] },
      context,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Unge &lt;script&gt;alert(1)&lt;/script&gt; &amp; ældre');
    expect(mail.html).toContain('href="https://fremdrift.example/u?x=1&amp;y=2"');
    expect(mail.text).toContain('Unge <script>alert(1)</script> & ældre (Børn & Unge)');
    expect(mail.text).toContain('https://fremdrift.example/initiativer/i-1?opdatering=ingen-aendringer#ny-statusopdatering');
  });

  it('speaks the recipient’s language', () => {
    const english = renderReminder(
      {
        kind: 'final_reminder',
        period: 'quarterly',
        periodStart: '2026-10-01',
        periodEnd: '2026-12-31',
        initiatives: [initiative, { ...initiative, id: 'i-2' }],
      },
      { ...context, language: 'en' },
    );
    expect(english.subject).toBe('Last day: status update for Q4 2026');
    expect(english.text).toContain('These 2 initiatives still need a status update');
    expect(english.html).toContain('<html lang="en">');
  });

  it('names periods as months and quarters', () => {
    expect(formatPeriod('monthly', '2026-03-01', 'da')).toBe('marts 2026');
    expect(formatPeriod('quarterly', '2026-04-01', 'da')).toBe('2. kvartal 2026');
    expect(formatPeriod('monthly', '2026-03-01', 'en')).toBe('March 2026');
  });

  it('says so in the digest when a section is empty', () => {
    const digest = renderDigest({ weekStart: '2026-12-07', late: [], healthDrops: [], completed: [] }, context);
    expect(digest.text).toContain('Mangler statusopdatering (0)\nAlle har rapporteret.');
    expect(digest.text).toContain('Afsluttet (0)\nIngen i denne uge.');
  });
});
