import type { PublicInitiative } from '@fremdrift/contracts';
import { toCsv } from '../../core/export/csv';
import { EXPORT_LABELS } from '../../core/export/labels';
import type { FeedRow } from './public.repository';

/** The documented open-data columns, in order. Names are stable: integrations depend on them. */
export const CSV_COLUMNS: { name: string; value: (i: PublicInitiative) => string | number | null }[] = [
  { name: 'id', value: (i) => i.id },
  { name: 'titel', value: (i) => i.title },
  { name: 'resume', value: (i) => i.summary },
  { name: 'handleplan', value: (i) => i.actionPlan.title },
  { name: 'maal', value: (i) => i.goal?.title ?? null },
  { name: 'ansvarlig_afdeling_kode', value: (i) => i.leadDepartment.code },
  { name: 'ansvarlig_afdeling', value: (i) => i.leadDepartment.name },
  { name: 'deltagende_afdelinger', value: (i) => i.participatingDepartments.map((d) => d.name).join(', ') },
  { name: 'status', value: (i) => i.status },
  { name: 'vurdering', value: (i) => i.health },
  { name: 'fremdrift_procent', value: (i) => Math.round(i.progress * 100) },
  { name: 'forventet_fremdrift_procent', value: (i) => (i.expectedProgress === null ? null : Math.round(i.expectedProgress * 100)) },
  { name: 'startdato', value: (i) => i.startDate },
  { name: 'slutdato', value: (i) => i.targetDate },
  { name: 'milepaele_i_alt', value: (i) => i.milestones.length },
  { name: 'milepaele_naaet', value: (i) => i.milestones.filter((m) => m.completedDate).length },
  { name: 'seneste_status_periode_slut', value: (i) => i.updates[0]?.periodEnd ?? null },
  { name: 'seneste_status_tekst', value: (i) => i.updates[0]?.text ?? null },
  { name: 'samarbejdspartnere', value: (i) => i.partners.map((p) => p.name).join(', ') },
  { name: 'sidst_opdateret', value: (i) => i.lastUpdatedAt },
];

/** Published initiatives for Danish Excel; percentages as whole numbers. */
export function initiativesCsv(initiatives: PublicInitiative[]): string {
  return toCsv(
    CSV_COLUMNS.map((column) => column.name),
    initiatives.map((initiative) => CSV_COLUMNS.map((column) => column.value(initiative))),
  );
}

const CSV_HEADER_LENGTH = initiativesCsv([]).length;

/** The CSV in parts, for a download written while it is read: the header (with the BOM) first, then the rows of each batch. */
export function initiativesCsvPart(initiatives: PublicInitiative[], first: boolean): string {
  const text = initiativesCsv(initiatives);
  return first ? text : text.slice(CSV_HEADER_LENGTH);
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom feed of approved public updates, newest first, of one plan or (`plan` null) of all. */
export function updatesAtom(plan: { id: string; title: string } | null, entries: FeedRow[], baseUrl: string): string {
  const selfPath = plan ? `/api/public/action-plans/${plan.id}/feed.atom` : '/api/public/feed.atom';
  const title = plan ? `Fremdrift: ${plan.title}` : 'Fremdrift: nyt fra initiativerne';
  const published = (entry: FeedRow) => new Date(entry.publishedAt).toISOString();
  const updated = entries[0] ? published(entries[0]) : '1970-01-01T00:00:00.000Z';
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">',
    `  <id>urn:fremdrift:feed:${plan?.id ?? 'all'}</id>`,
    `  <title>${xml(title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(baseUrl + selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(baseUrl + (plan ? `/handleplan/${plan.id}` : '/'))}"/>`,
    '  <author><name>Fremdrift</name></author>',
    ...entries.map((entry) =>
      [
        '  <entry>',
        `    <id>urn:fremdrift:status-update:${entry.id}</id>`,
        `    <title>${xml(`${entry.initiativeTitle}: ${EXPORT_LABELS.da.health[entry.health]} (${entry.periodStart} – ${entry.periodEnd})`)}</title>`,
        `    <updated>${published(entry)}</updated>`,
        `    <link rel="alternate" type="text/html" href="${xml(`${baseUrl}/initiativ/${entry.initiativeId}`)}"/>`,
        `    <category term="${xml(entry.leadDepartment.code)}" label="${xml(entry.leadDepartment.name)}"/>`,
        `    <content type="text">${xml(entry.text)}</content>`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}
