import type { Health } from '@fremdrift/contracts';
import { escapeHtml, formatDate, type MailLanguage, type RenderedMail } from '../reminders/mail-templates';

/** What a follower follows, as a mail names it. */
export interface FollowTarget {
  kind: 'initiative' | 'plan';
  id: string;
  title: string;
}

/** How long a confirmation link works; unconfirmed requests are deleted after it. */
export const CONFIRMATION_HOURS = 48;

export function targetUrl(publicUrl: string, target: Pick<FollowTarget, 'kind' | 'id'>): string {
  return `${publicUrl}/${target.kind === 'initiative' ? 'initiativ' : 'handleplan'}/${encodeURIComponent(target.id)}`;
}

/** "initiativet »Lektiecafé«" / "the initiative “Lektiecafé”". */
export function nameOf(target: Pick<FollowTarget, 'kind' | 'title'>, language: MailLanguage): string {
  if (language === 'da') return `${target.kind === 'initiative' ? 'initiativet' : 'handleplanen'} »${target.title}«`;
  return `the ${target.kind === 'initiative' ? 'initiative' : 'action plan'} “${target.title}”`;
}

/**
 * The text a follower agrees to, shown on the confirmation page and stored with the consent. The
 * public pages show the same words before the address is sent (web: features/public/follow).
 */
export function consentText(target: Pick<FollowTarget, 'kind' | 'title'>, language: MailLanguage): string {
  return language === 'da'
    ? `Vi gemmer kun din e-mailadresse og tidspunktet for dit samtykke, så vi kan sende dig nye offentlige statusopdateringer om ${nameOf(target, 'da')}. ` +
        'Du kan til enhver tid afmelde dig med linket i hver e-mail; så sletter vi din adresse.'
    : `We store only your e-mail address and the time of your consent, so that we can send you new public status updates about ${nameOf(target, 'en')}. ` +
        'You can unsubscribe at any time with the link in every e-mail; we then delete your address.';
}

const HEALTH_LABELS: Record<MailLanguage, Record<Health, string>> = {
  da: { on_track: 'på sporet', at_risk: 'i risiko', off_track: 'forsinket' },
  en: { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' },
};

interface Part {
  text: string;
  /** Rendered as a link in HTML, and on a line of its own in text. */
  url?: string;
}

function render(language: MailLanguage, subject: string, parts: Part[], unsubscribeUrl: string | null): RenderedMail {
  const da = language === 'da';
  const signature = da ? 'Venlig hilsen\nFremdrift' : 'Kind regards\nFremdrift';
  const unsubscribeLead = da ? 'Vil du ikke længere have disse e-mails?' : 'Don’t want these e-mails any more?';
  const text = [
    ...parts.map((part) => (part.url ? `${part.text}\n${part.url}` : part.text)),
    signature,
    ...(unsubscribeUrl ? [`--\n${unsubscribeLead} ${da ? 'Afmeld her' : 'Unsubscribe'}: ${unsubscribeUrl}`] : []),
  ].join('\n\n');
  const paragraph = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>');
  const html = [
    `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;">',
    ...parts.map((part) =>
      part.url ? `<p><a href="${escapeHtml(part.url)}" style="color: #0b5394;">${paragraph(part.text)}</a></p>` : `<p>${paragraph(part.text)}</p>`,
    ),
    `<p>${paragraph(signature)}</p>`,
    ...(unsubscribeUrl
      ? [
          `<hr><p style="font-size: 13px; color: #4d4d4d;">${escapeHtml(unsubscribeLead)} <a href="${escapeHtml(unsubscribeUrl)}" style="color: #0b5394;">${escapeHtml(da ? 'Afmeld' : 'Unsubscribe')}</a></p>`,
        ]
      : []),
    '</body></html>',
  ].join('\n');
  return { subject, text, html, unsubscribeUrl };
}

export function renderConfirmation(target: FollowTarget, confirmUrl: string, language: MailLanguage): RenderedMail {
  const da = language === 'da';
  const name = nameOf(target, language);
  return render(
    language,
    da ? `Bekræft, at du vil følge ${target.title}` : `Confirm that you want to follow ${target.title}`,
    [
      {
        text: da
          ? `Nogen, forhåbentlig dig, har bedt om at få en e-mail, når der er nyt om ${name}.`
          : `Someone, hopefully you, asked to receive an e-mail when there is news about ${name}.`,
      },
      { text: da ? 'Bekræft her (linket virker i 48 timer):' : 'Confirm here (the link works for 48 hours):', url: confirmUrl },
      {
        text: da
          ? 'Har du ikke bedt om det, kan du se bort fra denne e-mail. Så sender vi ikke mere, og adressen slettes igen.'
          : 'If you did not ask for this, ignore this e-mail: we will send nothing more, and the address will be deleted.',
      },
    ],
    null,
  );
}

export interface PublishedUpdate {
  initiativeId: string;
  initiativeTitle: string;
  planTitle: string;
  periodStart: string;
  periodEnd: string;
  health: Health;
  /** The approved public text: the only words of the update a follower reads. */
  text: string;
}

export function renderUpdate(update: PublishedUpdate, followed: FollowTarget, publicUrl: string, unsubscribeUrl: string, language: MailLanguage): RenderedMail {
  const da = language === 'da';
  const initiative = { kind: 'initiative', title: update.initiativeTitle } as const;
  const period = `${formatDate(update.periodStart, language)} – ${formatDate(update.periodEnd, language)}`;
  return render(
    language,
    da ? `Nyt om ${update.initiativeTitle}` : `News about ${update.initiativeTitle}`,
    [
      {
        text: da
          ? `Der er en ny statusopdatering om ${nameOf(initiative, 'da')} i handleplanen »${update.planTitle}«.`
          : `There is a new status update about ${nameOf(initiative, 'en')} in the action plan “${update.planTitle}”.`,
      },
      { text: `${da ? 'Periode' : 'Period'}: ${period}\n${da ? 'Vurdering' : 'Assessment'}: ${HEALTH_LABELS[language][update.health]}` },
      { text: update.text },
      { text: da ? 'Se hele forløbet:' : 'See the whole story:', url: targetUrl(publicUrl, { kind: 'initiative', id: update.initiativeId }) },
      {
        text: da ? `Du får denne e-mail, fordi du følger ${nameOf(followed, 'da')}.` : `You receive this e-mail because you follow ${nameOf(followed, 'en')}.`,
      },
    ],
    unsubscribeUrl,
  );
}
