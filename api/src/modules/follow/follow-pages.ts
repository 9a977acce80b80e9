import { escapeHtml, type MailLanguage } from '../reminders/mail-templates';
import { nameOf, targetUrl, type FollowTarget } from './follow-mails';

/** The small pages the links in follow mails open: plain HTML that works without the web app. */
function page(language: MailLanguage, title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)} – Fremdrift</title>`,
    '<style>body{font-family:Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;margin:0;padding:1rem}main{max-width:40rem;margin:0 auto}' +
      'a{color:#0b5394}button{font:inherit;padding:.5rem 1rem;border:2px solid #0b5394;background:#0b5394;color:#fff;border-radius:4px;cursor:pointer}' +
      'button:focus-visible,a:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}</style></head>',
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
  ].join('\n');
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
const link = (url: string, text: string) => `<p><a href="${escapeHtml(url)}">${escapeHtml(text)}</a></p>`;

/**
 * Asks before acting, and shows the words agreed to: mail scanners that follow links must neither
 * confirm a subscription nobody wanted nor end one. The form posts back to the same address.
 */
export function confirmPage(target: FollowTarget, consent: string, language: MailLanguage): string {
  const da = language === 'da';
  return page(
    language,
    da ? 'Bekræft, at du vil følge med' : 'Confirm that you want to follow',
    paragraph(da ? `Du er ved at tilmelde dig e-mails om ${nameOf(target, 'da')}.` : `You are about to sign up for e-mails about ${nameOf(target, 'en')}.`) +
      paragraph(consent) +
      `<form method="post"><button type="submit">${escapeHtml(da ? 'Ja, send mig nyt' : 'Yes, send me news')}</button></form>`,
  );
}

export function confirmedPage(target: FollowTarget, publicUrl: string, language: MailLanguage): string {
  const da = language === 'da';
  return page(
    language,
    da ? 'Nu følger du med' : 'You are now following',
    paragraph(
      da
        ? `Du får en e-mail, hver gang der er en ny offentlig statusopdatering om ${nameOf(target, 'da')}. Hver e-mail har et link til at afmelde dig.`
        : `You will get an e-mail each time there is a new public status update about ${nameOf(target, 'en')}. Every e-mail has a link to unsubscribe.`,
    ) + link(targetUrl(publicUrl, target), da ? `Tilbage til ${target.title}` : `Back to ${target.title}`),
  );
}

/** A confirmation link that was used, has expired or never existed: one page for all, so that it tells nothing. */
export function invalidConfirmationPage(publicUrl: string): string {
  return page(
    'da',
    'Linket virker ikke længere',
    paragraph('Linket er udløbet eller allerede brugt. Vil du følge med, kan du bede om et nyt link på siden for initiativet eller handleplanen.') +
      `<p lang="en">${escapeHtml('This link has expired or has been used already. To follow, ask for a new link on the page of the initiative or action plan.')}</p>` +
      link(publicUrl, 'Fremdrift'),
  );
}

export function unsubscribePage(target: FollowTarget | null, language: MailLanguage): string {
  const da = language === 'da';
  const what = target ? nameOf(target, language) : da ? 'det, du følger' : 'what you follow';
  return page(
    language,
    da ? 'Afmeld e-mails' : 'Unsubscribe',
    paragraph(da ? `Vil du afmelde e-mails om ${what}?` : `Do you want to stop receiving e-mails about ${what}?`) +
      `<form method="post"><button type="submit">${escapeHtml(da ? 'Ja, afmeld' : 'Yes, unsubscribe')}</button></form>`,
  );
}

export function unsubscribedPage(publicUrl: string, language: MailLanguage): string {
  const da = language === 'da';
  return page(
    language,
    da ? 'Du er afmeldt' : 'You are unsubscribed',
    paragraph(
      da
        ? 'Du får ikke flere e-mails herfra, og vi har slettet din e-mailadresse og dit samtykke.'
        : 'You will get no more e-mails from us, and we have deleted your e-mail address and your consent.',
    ) + link(publicUrl, 'Fremdrift'),
  );
}
