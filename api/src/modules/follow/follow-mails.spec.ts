import { consentText, renderConfirmation, renderUpdate, type PublishedUpdate } from './follow-mails';

const update: PublishedUpdate = {
  initiativeId: 'i1',
  initiativeTitle: 'Lektiecafé <for alle>',
  planTitle: 'Handleplan',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  health: 'at_risk',
  text: 'Første linje & mere\n<script>alert(1)</script>',
};
const followed = { kind: 'plan', id: 'p1', title: 'Handleplan' } as const;

describe('follow mails', () => {
  it('escape the public text and titles in HTML, keep line breaks, and carry the unsubscribe link in both parts', () => {
    const mail = renderUpdate(update, followed, 'https://k.example', 'https://k.example/api/public/follow/unsubscribe?token=a.b', 'da');
    expect(mail.subject).toBe('Nyt om Lektiecafé <for alle>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Første linje &amp; mere<br>&lt;script&gt;');
    expect(mail.html).toContain('Lektiecafé &lt;for alle&gt;');
    expect(mail.text).toContain('Første linje & mere\n<script>alert(1)</script>');
    expect(mail.text).toContain('Periode: 1. oktober 2026 – 31. oktober 2026\nVurdering: i risiko');
    expect(mail.text).toContain('https://k.example/initiativ/i1');
    for (const part of [mail.text, mail.html]) expect(part).toContain('https://k.example/api/public/follow/unsubscribe?token=a.b');
    expect(mail.unsubscribeUrl).toBe('https://k.example/api/public/follow/unsubscribe?token=a.b');
  });

  it('are written in the follower’s language', () => {
    const mail = renderUpdate(update, followed, 'https://k.example', 'https://k.example/u', 'en');
    expect(mail.subject).toBe('News about Lektiecafé <for alle>');
    expect(mail.text).toContain('Assessment: at risk');
    expect(mail.text).toContain('You receive this e-mail because you follow the action plan “Handleplan”.');
  });

  it('ask for confirmation without an unsubscribe link: there is nothing to leave yet', () => {
    const mail = renderConfirmation({ kind: 'initiative', id: 'i1', title: 'Lektiecafé' }, 'https://k.example/api/public/follow/confirm?token=t', 'da');
    expect(mail.subject).toBe('Bekræft, at du vil følge Lektiecafé');
    expect(mail.text).toContain('https://k.example/api/public/follow/confirm?token=t');
    expect(mail.unsubscribeUrl).toBeNull();
  });

  it('state what is stored and how to withdraw consent, naming what is followed', () => {
    expect(consentText({ kind: 'initiative', title: 'Lektiecafé' }, 'da')).toMatch(
      /^Vi gemmer kun din e-mailadresse og tidspunktet for dit samtykke, .* initiativet »Lektiecafé«\. .*afmelde/,
    );
    expect(consentText({ kind: 'plan', title: 'Plan' }, 'en')).toContain('the action plan “Plan”');
  });
});
