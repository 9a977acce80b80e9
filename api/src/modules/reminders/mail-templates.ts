import type { Health, MailKind, ReportingPeriod } from '@fremdrift/contracts';

export type MailLanguage = 'da' | 'en';

/** An initiative as a mail lists it. */
export interface MailInitiative {
  id: string;
  title: string;
  departmentName: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
}

/** What every mail needs besides its content. */
export interface MailContext {
  language: MailLanguage;
  publicUrl: string;
  recipientName: string | null;
  /** A signed link that turns this kind of mail off for the recipient; null for mails one cannot opt out of. */
  unsubscribeUrl: string | null;
}

interface Item {
  title: string;
  detail: string;
  url: string;
}

interface Section {
  heading: string | null;
  items: Item[];
  empty?: string;
}

interface Layout {
  subject: string;
  paragraphs: string[];
  sections: Section[];
  closing: string[];
}

const LOCALES: Record<MailLanguage, string> = { da: 'da-DK', en: 'en-GB' };

export function formatDate(day: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** "december 2026" / "4. kvartal 2026" and their English twins. */
export function formatPeriod(period: ReportingPeriod, periodStart: string, language: MailLanguage): string {
  const date = new Date(`${periodStart}T00:00:00Z`);
  if (period === 'monthly') return new Intl.DateTimeFormat(LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  const quarter = Math.floor(date.getUTCMonth() / 3) + 1;
  return language === 'da' ? `${quarter}. kvartal ${date.getUTCFullYear()}` : `Q${quarter} ${date.getUTCFullYear()}`;
}

/** Opens the initiative's status update form, prefilled for "no change"; the lead still saves it. */
export function reportUrl(publicUrl: string, initiativeId: string): string {
  return `${publicUrl}/initiativer/${encodeURIComponent(initiativeId)}?opdatering=ingen-aendringer#ny-statusopdatering`;
}

export function initiativeUrl(publicUrl: string, initiativeId: string): string {
  return `${publicUrl}/initiativer/${encodeURIComponent(initiativeId)}`;
}

const HEALTH_LABELS: Record<MailLanguage, Record<Health, string>> = {
  da: { on_track: 'på sporet', at_risk: 'i risiko', off_track: 'forsinket' },
  en: { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' },
};

const greeting = (context: MailContext) =>
  context.language === 'da' ? `Hej${context.recipientName ? ` ${context.recipientName}` : ''}` : `Dear ${context.recipientName ?? 'colleague'}`;

export interface ReminderContent {
  kind: Extract<MailKind, 'reminder' | 'final_reminder' | 'manual_reminder'>;
  period: ReportingPeriod;
  periodStart: string;
  periodEnd: string;
  initiatives: MailInitiative[];
  /** Who asked, for a manual reminder. */
  senderName?: string;
}

export function renderReminder(content: ReminderContent, context: MailContext): RenderedMail {
  const da = context.language === 'da';
  const period = formatPeriod(content.period, content.periodStart, context.language);
  const end = formatDate(content.periodEnd, context.language);
  const count = content.initiatives.length;
  const subject = {
    reminder: da ? `Påmindelse: statusopdatering for ${period} mangler` : `Reminder: status update for ${period} is due`,
    final_reminder: da ? `Sidste dag: statusopdatering for ${period}` : `Last day: status update for ${period}`,
    manual_reminder: da ? `Påmindelse fra ledelsen: statusopdatering mangler` : `Reminder from management: status update missing`,
  }[content.kind];
  const lead = {
    reminder: da
      ? `Perioden ${period} slutter ${end}. ${count === 1 ? 'Dette initiativ' : `Disse ${count} initiativer`} mangler endnu en statusopdatering:`
      : `The period ${period} ends on ${end}. ${count === 1 ? 'This initiative is' : `These ${count} initiatives are`} still waiting for a status update:`,
    final_reminder: da
      ? `I dag er sidste dag i perioden ${period}. ${count === 1 ? 'Dette initiativ' : `Disse ${count} initiativer`} mangler stadig en statusopdatering:`
      : `Today is the last day of ${period}. ${count === 1 ? 'This initiative still needs' : `These ${count} initiatives still need`} a status update:`,
    manual_reminder: da
      ? `${content.senderName ?? 'Ledelsen'} minder dig om statusopdateringen. ${count === 1 ? 'Dette initiativ' : `Disse ${count} initiativer`} mangler:`
      : `${content.senderName ?? 'Management'} reminds you of the status update. ${count === 1 ? 'This initiative is' : `These ${count} initiatives are`} missing:`,
  }[content.kind];
  return render(
    {
      subject,
      paragraphs: [lead],
      sections: [
        { heading: null, items: content.initiatives.map((i) => ({ title: i.title, detail: i.departmentName, url: reportUrl(context.publicUrl, i.id) })) },
      ],
      closing: [
        da
          ? 'Er der ikke sket noget nyt, åbner linket formularen udfyldt med "ingen ændringer", så du blot skal gennemse og gemme.'
          : 'If nothing has changed, the link opens the form filled in with "no changes": review it and save.',
      ],
    },
    context,
  );
}

export interface EscalationContent {
  departmentName: string;
  period: ReportingPeriod;
  periodStart: string;
  periodEnd: string;
  initiatives: (MailInitiative & { leadNames: string[] })[];
  graceDays: number;
}

export function renderEscalation(content: EscalationContent, context: MailContext): RenderedMail {
  const da = context.language === 'da';
  const period = formatPeriod(content.period, content.periodStart, context.language);
  const count = content.initiatives.length;
  const none = da ? 'ingen ansvarlig leder' : 'no responsible lead';
  return render(
    {
      subject: da ? `Manglende statusopdatering for ${period}: ${content.departmentName}` : `Missing status update for ${period}: ${content.departmentName}`,
      paragraphs: [
        da
          ? `${count === 1 ? 'Et initiativ' : `${count} initiativer`} i ${content.departmentName} har ikke rapporteret for ${period}, ${content.graceDays} dage efter periodens udløb, selv om de ansvarlige er blevet mindet om det:`
          : `${count === 1 ? 'One initiative' : `${count} initiatives`} in ${content.departmentName} ${count === 1 ? 'has' : 'have'} not reported for ${period}, ${content.graceDays} days after the period ended, although the leads were reminded:`,
      ],
      sections: [
        {
          heading: null,
          items: content.initiatives.map((i) => ({
            title: i.title,
            detail: i.leadNames.length ? i.leadNames.join(', ') : none,
            url: initiativeUrl(context.publicUrl, i.id),
          })),
        },
      ],
      closing: [
        da
          ? 'Du modtager denne besked som afdelingens ledelseskontakt, eller fordi du er i ledelsen, når afdelingen ikke har en ledelseskontakt.'
          : 'You receive this message as the department’s management contact, or as management when the department has none.',
      ],
    },
    context,
  );
}

export interface DigestContent {
  weekStart: string;
  late: (MailInitiative & { daysOverdue: number })[];
  healthDrops: (MailInitiative & { from: Health; to: Health })[];
  completed: MailInitiative[];
}

export function renderDigest(content: DigestContent, context: MailContext): RenderedMail {
  const da = context.language === 'da';
  const health = HEALTH_LABELS[context.language];
  const link = (id: string) => initiativeUrl(context.publicUrl, id);
  return render(
    {
      subject: da
        ? `Ugens overblik over handleplanerne (uge fra ${formatDate(content.weekStart, 'da')})`
        : `The action plans this week (week of ${formatDate(content.weekStart, 'en')})`,
      paragraphs: [da ? 'Her er ugens overblik over initiativerne.' : 'Here is this week’s overview of the initiatives.'],
      sections: [
        {
          heading: da ? `Mangler statusopdatering (${content.late.length})` : `Missing status updates (${content.late.length})`,
          items: content.late.map((i) => ({
            title: i.title,
            detail: `${i.departmentName}, ${da ? `${i.daysOverdue} dage forsinket` : `${i.daysOverdue} days late`}`,
            url: link(i.id),
          })),
          empty: da ? 'Alle har rapporteret.' : 'Everyone has reported.',
        },
        {
          heading: da ? `Forværret sundhed (${content.healthDrops.length})` : `Health dropped (${content.healthDrops.length})`,
          items: content.healthDrops.map((i) => ({ title: i.title, detail: `${i.departmentName}, ${health[i.from]} → ${health[i.to]}`, url: link(i.id) })),
          empty: da ? 'Ingen i denne uge.' : 'None this week.',
        },
        {
          heading: da ? `Afsluttet (${content.completed.length})` : `Completed (${content.completed.length})`,
          items: content.completed.map((i) => ({ title: i.title, detail: i.departmentName, url: link(i.id) })),
          empty: da ? 'Ingen i denne uge.' : 'None this week.',
        },
      ],
      closing: [],
    },
    context,
  );
}

function render(layout: Layout, context: MailContext): RenderedMail {
  const da = context.language === 'da';
  const signature = da ? 'Venlig hilsen\nFremdrift' : 'Kind regards\nFremdrift';
  const unsubscribe = context.unsubscribeUrl
    ? da
      ? `Vil du ikke længere have disse e-mails? Afmeld her: ${context.unsubscribeUrl}`
      : `Don’t want these e-mails any more? Unsubscribe: ${context.unsubscribeUrl}`
    : null;

  const text = [
    `${greeting(context)}${da ? '' : ','}`,
    ...layout.paragraphs,
    ...layout.sections.map((section) =>
      [
        ...(section.heading ? [section.heading] : []),
        ...(section.items.length ? section.items.map((item) => `- ${item.title} (${item.detail})\n  ${item.url}`) : section.empty ? [section.empty] : []),
      ].join('\n'),
    ),
    ...layout.closing,
    signature,
    ...(unsubscribe ? [`--\n${unsubscribe}`] : []),
  ].join('\n\n');

  const html = [
    `<!DOCTYPE html><html lang="${context.language}"><head><meta charset="utf-8"><title>${escapeHtml(layout.subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;">',
    `<p>${escapeHtml(greeting(context))}${da ? '' : ','}</p>`,
    ...layout.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...layout.sections.map(
      (section) =>
        (section.heading ? `<h2 style="font-size: 17px;">${escapeHtml(section.heading)}</h2>` : '') +
        (section.items.length
          ? `<ul>${section.items.map((item) => `<li><a href="${escapeHtml(item.url)}" style="color: #0b5394;">${escapeHtml(item.title)}</a> (${escapeHtml(item.detail)})</li>`).join('')}</ul>`
          : section.empty
            ? `<p>${escapeHtml(section.empty)}</p>`
            : ''),
    ),
    ...layout.closing.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p>${escapeHtml(signature).replace('\n', '<br>')}</p>`,
    ...(context.unsubscribeUrl
      ? [
          `<hr><p style="font-size: 13px; color: #4d4d4d;">${escapeHtml(da ? 'Vil du ikke længere have disse e-mails?' : 'Don’t want these e-mails any more?')} <a href="${escapeHtml(context.unsubscribeUrl)}" style="color: #0b5394;">${escapeHtml(da ? 'Afmeld' : 'Unsubscribe')}</a></p>`,
        ]
      : []),
    '</body></html>',
  ].join('\n');

  return { subject: layout.subject, text, html, unsubscribeUrl: context.unsubscribeUrl };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
