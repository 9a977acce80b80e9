import { escapeHtml, type MailLanguage } from './mail-templates';
import type { UnsubscribeScope } from './unsubscribe-signer';

const WHAT: Record<MailLanguage, Record<UnsubscribeScope, string>> = {
  da: { reminders: 'påmindelser om statusopdateringer', digest: 'ugens overblik' },
  en: { reminders: 'status update reminders', digest: 'the weekly digest' },
};

function page(language: MailLanguage, title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)} – Fremdrift</title></head>`,
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
  ].join('\n');
}

/** Asks before acting; the form posts back to the same signed address. */
export function unsubscribeConfirmPage(scope: UnsubscribeScope, language: MailLanguage): string {
  const da = language === 'da';
  const what = WHAT[language][scope];
  return page(
    language,
    da ? 'Afmeld e-mails' : 'Unsubscribe',
    `<p>${escapeHtml(da ? `Vil du afmelde ${what} fra Fremdrift?` : `Do you want to stop receiving ${what} from Fremdrift?`)}</p>` +
      `<form method="post"><button type="submit">${escapeHtml(da ? 'Ja, afmeld' : 'Yes, unsubscribe')}</button></form>` +
      `<p>${escapeHtml(da ? 'Du kan altid slå dem til igen under Mine e-mails på din konto.' : 'You can turn them on again under My e-mails on your account page.')}</p>`,
  );
}

export function unsubscribeDonePage(scope: UnsubscribeScope, language: MailLanguage): string {
  const da = language === 'da';
  const what = WHAT[language][scope];
  return page(
    language,
    da ? 'Du er afmeldt' : 'You are unsubscribed',
    `<p>${escapeHtml(da ? `Du modtager ikke længere ${what}.` : `You will no longer receive ${what}.`)}</p>` +
      `<p>${escapeHtml(da ? 'Du kan slå dem til igen under Mine e-mails på din konto.' : 'You can turn them on again under My e-mails on your account page.')}</p>`,
  );
}
