import { Workbook, type Worksheet } from 'exceljs';
import {
  HEALTHS,
  type Dashboard,
  type DashboardQuery,
  type Health,
  type HealthCounts,
  type InitiativeStatus,
  type SnapshotDiff,
  type SnapshotDiffInitiativeRef,
  type SnapshotInitiative,
} from '@fremdrift/contracts';
import { toCsv as writeCsv, type CsvCell } from '../../core/export/csv';
import { EXPORT_LABELS, type ExportLanguage } from '../../core/export/labels';
import { neutralizeFormula } from '../../core/export/spreadsheet-text';

/** The tables of a dashboard view, as a council paper needs them: headings in the reader's language, real numbers and dates. */
export const EXPORT_TABLES = ['headline', 'departments', 'initiatives', 'healthOverTime', 'milestones', 'compliance'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** The names of the records a filter refers to (null when it refers to none that exists). */
export interface FilterNames {
  plan: string | null;
  goal: string | null;
  department: string | null;
}

/** What an export adds to the view: its language, one row per initiative, the filter's names and, when asked for, the changes since a snapshot. */
export interface ExportContext {
  language: ExportLanguage;
  initiatives: readonly SnapshotInitiative[];
  filterNames: FilterNames;
  changes: SnapshotDiff | null;
  /** The day (in the municipality) the snapshot of `changes` was taken. */
  changesSince?: string | null;
}

const safeCell = (value: CsvCell): CsvCell => (typeof value === 'string' ? neutralizeFormula(value) : value);

interface Column {
  header: string;
  width: number;
  format?: string;
}

interface Table {
  sheet: string;
  columns: Column[];
  rows: CsvCell[][];
  /** Rows (0-based, in `rows`) whose value is a share, shown as a percentage. */
  shareRows?: number[];
}

const PERCENT = '0%';
const DATE = 'dd-mm-yyyy';

const TEXTS = {
  da: {
    sheets: {
      headline: 'Nøgletal',
      departments: 'Afdelinger',
      initiatives: 'Initiativer',
      healthOverTime: 'Udvikling',
      milestones: 'Milepæle 90 dage',
      compliance: 'Manglende status',
      changes: 'Ændringer',
    },
    figure: 'Nøgletal',
    value: 'Værdi',
    initiativesCount: 'Initiativer',
    status: 'Status',
    health: 'Vurdering',
    averageProgress: 'Gennemsnitlig fremdrift',
    averageExpected: 'Gennemsnitlig forventet fremdrift',
    milestonesTotal: 'Milepæle i alt',
    milestonesCompleted: 'Milepæle nået',
    milestonesOnTime: 'Milepæle nået til tiden',
    onTimeShare: 'Andel nået til tiden',
    milestonesOverdue: 'Forsinkede milepæle',
    milestonesNext90: 'Milepæle de næste 90 dage',
    generated: 'Dannet',
    filters: 'Filtre',
    changesSince: 'Ændringer siden',
    code: 'Kode',
    department: 'Afdeling',
    leads: 'Ansvarlig for',
    progressLead: 'Fremdrift (ansvarlig)',
    expectedLead: 'Forventet (ansvarlig)',
    takesPart: 'Deltager i',
    progressParticipating: 'Fremdrift (deltager)',
    month: 'Måned',
    reported: 'Har rapporteret',
    weekFrom: 'Uge fra',
    milestones: 'Milepæle',
    initiative: 'Initiativ',
    leadDepartment: 'Ansvarlig afdeling',
    latestPeriod: 'Seneste periode',
    daysOverdue: 'Dage forsinket',
    overdue: 'Forsinket',
    due: 'Mangler',
    reference: 'Reference',
    progress: 'Fremdrift',
    expectedProgress: 'Forventet fremdrift',
    latestPublicText: 'Seneste offentlige tekst',
    change: 'Ændring',
    before: 'Før',
    after: 'Efter',
    causeOrCount: 'Årsag eller antal',
    noChanges: 'Ingen ændringer',
    kinds: {
      worse: 'Vurdering forværret',
      better: 'Vurdering forbedret',
      newDelay: 'Ny forsinkelse',
      completed: 'Afsluttet',
      milestones: 'Milepæle nået',
      added: 'Tilføjet',
      cancelled: 'Annulleret',
      removed: 'Slettet',
    },
    filter: {
      none: 'ingen',
      plan: 'Handleplan',
      goal: 'Mål',
      department: 'Afdeling',
      lead: 'som ansvarlig',
      participating: 'som deltager',
      from: 'Fra',
      to: 'Til',
      unknown: 'findes ikke',
    },
  },
  en: {
    sheets: {
      headline: 'Key figures',
      departments: 'Departments',
      initiatives: 'Initiatives',
      healthOverTime: 'Over time',
      milestones: 'Milestones 90 days',
      compliance: 'Missing status',
      changes: 'Changes',
    },
    figure: 'Figure',
    value: 'Value',
    initiativesCount: 'Initiatives',
    status: 'Status',
    health: 'Health',
    averageProgress: 'Average progress',
    averageExpected: 'Average expected progress',
    milestonesTotal: 'Milestones in total',
    milestonesCompleted: 'Milestones completed',
    milestonesOnTime: 'Milestones completed on time',
    onTimeShare: 'Share completed on time',
    milestonesOverdue: 'Overdue milestones',
    milestonesNext90: 'Milestones in the next 90 days',
    generated: 'Generated',
    filters: 'Filters',
    changesSince: 'Changes since',
    code: 'Code',
    department: 'Department',
    leads: 'Leads',
    progressLead: 'Progress (lead)',
    expectedLead: 'Expected (lead)',
    takesPart: 'Takes part in',
    progressParticipating: 'Progress (taking part)',
    month: 'Month',
    reported: 'Reported',
    weekFrom: 'Week from',
    milestones: 'Milestones',
    initiative: 'Initiative',
    leadDepartment: 'Lead department',
    latestPeriod: 'Latest period',
    daysOverdue: 'Days overdue',
    overdue: 'Overdue',
    due: 'Due',
    reference: 'Reference',
    progress: 'Progress',
    expectedProgress: 'Expected progress',
    latestPublicText: 'Latest public text',
    change: 'Change',
    before: 'Before',
    after: 'After',
    causeOrCount: 'Cause or count',
    noChanges: 'No changes',
    kinds: {
      worse: 'Health worse',
      better: 'Health better',
      newDelay: 'New delay',
      completed: 'Completed',
      milestones: 'Milestones completed',
      added: 'Added',
      cancelled: 'Cancelled',
      removed: 'Deleted',
    },
    filter: {
      none: 'none',
      plan: 'Action plan',
      goal: 'Goal',
      department: 'Department',
      lead: 'as lead',
      participating: 'taking part',
      from: 'From',
      to: 'To',
      unknown: 'does not exist',
    },
  },
} as const;

const LOCALES: Record<ExportLanguage, string> = { da: 'da-DK', en: 'en-GB' };

const DEFAULT_CONTEXT: ExportContext = { language: 'da', initiatives: [], filterNames: { plan: null, goal: null, department: null }, changes: null };

const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const share = (percent: number | null) => (percent === null ? null : percent / 100);
const healthCells = (counts: HealthCounts) => [counts.on_track, counts.at_risk, counts.off_track];

/** `1. jul. 2026` in Danish, `1 Jul 2026` in English. */
export function formatDay(iso: string, language: ExportLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
}

/** The filters in words: "Afdeling: Sundhed og Omsorg; Handleplan: Flygtningehandleplan". */
export function describeFilters(filters: DashboardQuery, names: FilterNames, language: ExportLanguage): string {
  const words = TEXTS[language].filter;
  const named = (name: string | null, value: string) => name ?? `${value} (${words.unknown})`;
  const parts: string[] = [];
  if (filters.actionPlanId) parts.push(`${words.plan}: ${named(names.plan, filters.actionPlanId)}`);
  if (filters.goalId) parts.push(`${words.goal}: ${named(names.goal, filters.goalId)}`);
  if (filters.department) {
    const role = filters.departmentRole === 'lead' ? ` (${words.lead})` : filters.departmentRole === 'participating' ? ` (${words.participating})` : '';
    parts.push(`${words.department}: ${named(names.department, filters.department)}${role}`);
  }
  if (filters.from) parts.push(`${words.from}: ${formatDay(filters.from, language)}`);
  if (filters.to) parts.push(`${words.to}: ${formatDay(filters.to, language)}`);
  return parts.length ? parts.join('; ') : words.none;
}

export function exportTables(view: Dashboard, context: ExportContext = DEFAULT_CONTEXT): Record<ExportTable, Table> {
  const { headline } = view;
  const text = TEXTS[context.language];
  const labels = EXPORT_LABELS[context.language];
  const healthColumns = (): Column[] => HEALTHS.map((health) => ({ header: labels.health[health], width: 12 }));
  const headlineRows: CsvCell[][] = [
    [text.initiativesCount, headline.initiatives],
    ...Object.entries(headline.byStatus).map(([status, n]): CsvCell[] => [`${text.status}: ${labels.status[status as InitiativeStatus]}`, n]),
    ...HEALTHS.map((health): CsvCell[] => [`${text.health}: ${labels.health[health]}`, headline.byHealth[health]]),
    [text.averageProgress, headline.averageProgress],
    [text.averageExpected, headline.averageExpectedProgress],
    [text.milestonesTotal, headline.milestones.total],
    [text.milestonesCompleted, headline.milestones.completed],
    [text.milestonesOnTime, headline.milestones.completedOnTime],
    [text.onTimeShare, headline.milestones.onTimeShare],
    [text.milestonesOverdue, headline.milestones.overdue],
    [text.milestonesNext90, headline.milestones.dueNext90Days],
  ];
  const shares = new Set<string>([text.averageProgress, text.averageExpected, text.onTimeShare]);
  return {
    headline: {
      sheet: text.sheets.headline,
      columns: [
        { header: text.figure, width: 44 },
        { header: text.value, width: 14 },
      ],
      rows: headlineRows,
      shareRows: headlineRows.flatMap((row, index) => (shares.has(String(row[0])) ? [index] : [])),
    },
    departments: {
      sheet: text.sheets.departments,
      columns: [
        { header: text.code, width: 8 },
        { header: text.department, width: 36 },
        { header: text.leads, width: 14 },
        { header: text.progressLead, width: 20, format: PERCENT },
        { header: text.expectedLead, width: 20, format: PERCENT },
        ...healthColumns(),
        { header: text.takesPart, width: 12 },
        { header: text.progressParticipating, width: 20, format: PERCENT },
      ],
      rows: view.departments.map((d) => [
        d.department.code,
        d.department.name,
        d.lead.initiatives,
        d.lead.averageProgress,
        d.lead.averageExpectedProgress,
        ...healthCells(d.lead.byHealth),
        d.participating.initiatives,
        d.participating.averageProgress,
      ]),
    },
    initiatives: {
      sheet: text.sheets.initiatives,
      columns: [
        { header: text.reference, width: 12 },
        { header: text.initiative, width: 44 },
        { header: text.leadDepartment, width: 32 },
        { header: text.status, width: 14 },
        { header: text.health, width: 12 },
        { header: text.progress, width: 12, format: PERCENT },
        { header: text.expectedProgress, width: 18, format: PERCENT },
        { header: text.latestPublicText, width: 80 },
      ],
      rows: context.initiatives.map((i) => [
        i.reference,
        i.title,
        i.leadDepartment.name,
        labels.status[i.status],
        i.health === null ? null : labels.health[i.health],
        share(i.progress),
        share(i.expectedProgress),
        i.latestPublicText,
      ]),
    },
    healthOverTime: {
      sheet: text.sheets.healthOverTime,
      columns: [{ header: text.month, width: 12 }, ...healthColumns(), { header: text.reported, width: 16 }],
      rows: view.healthOverTime.map((m) => [m.month, ...healthCells(m.byHealth), m.reported]),
    },
    milestones: {
      sheet: text.sheets.milestones,
      columns: [
        { header: text.weekFrom, width: 12, format: DATE },
        { header: text.milestones, width: 10 },
      ],
      rows: view.milestoneWeeks.map((w) => [date(w.weekStart), w.due]),
    },
    compliance: {
      sheet: text.sheets.compliance,
      columns: [
        { header: text.initiative, width: 48 },
        { header: text.leadDepartment, width: 32 },
        { header: text.status, width: 12 },
        { header: text.latestPeriod, width: 16, format: DATE },
        { header: text.daysOverdue, width: 14 },
      ],
      rows: view.compliance.map((c) => [
        c.initiative.title,
        c.leadDepartment.name,
        c.state === 'overdue' ? text.overdue : text.due,
        date(c.lastReportedPeriodEnd),
        c.daysOverdue,
      ]),
    },
  };
}

/** The changes since a snapshot, one row per change, in the order a council paper tells them. */
export function changesTable(diff: SnapshotDiff, language: ExportLanguage): Table {
  const text = TEXTS[language];
  const health = (value: Health | null) => (value === null ? null : EXPORT_LABELS[language].health[value]);
  const row = (kind: string, ref: SnapshotDiffInitiativeRef, before: CsvCell = null, after: CsvCell = null, detail: CsvCell = null): CsvCell[] => [
    kind,
    ref.reference,
    ref.title,
    ref.leadDepartment.name,
    before,
    after,
    detail,
  ];
  const rows: CsvCell[][] = [
    ...diff.newDelays.map((d) => row(text.kinds.newDelay, d, null, health(d.health), d.delayCauseLabels?.[language] ?? d.delayCause)),
    ...diff.healthChanges.map((c) => row(c.direction === 'worse' ? text.kinds.worse : text.kinds.better, c, health(c.before), health(c.after))),
    ...diff.completedInitiatives.map((c) => row(text.kinds.completed, c)),
    ...diff.completedMilestones.map((c) => row(text.kinds.milestones, c, null, null, c.count)),
    ...diff.added.map((c) => row(text.kinds.added, c)),
    ...diff.cancelled.map((c) => row(text.kinds.cancelled, c)),
    ...diff.removed.map((c) => row(text.kinds.removed, c)),
  ];
  return {
    sheet: text.sheets.changes,
    columns: [
      { header: text.change, width: 22 },
      { header: text.reference, width: 12 },
      { header: text.initiative, width: 44 },
      { header: text.leadDepartment, width: 32 },
      { header: text.before, width: 12 },
      { header: text.after, width: 12 },
      { header: text.causeOrCount, width: 36 },
    ],
    rows: rows.length ? rows : [[text.noChanges]],
  };
}

function addSheet(workbook: Workbook, table: Table): Worksheet {
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width, style: column.format ? { numFmt: column.format } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(table.rows.map((row) => row.map(safeCell)));
  for (const index of table.shareRows ?? []) sheet.getRow(index + 2).getCell(2).numFmt = PERCENT;
  return sheet;
}

/**
 * One sheet per table, frozen header rows, in the reader's language; the first sheet also says
 * when, with which filters (in words) and since which snapshot. With a snapshot, the changes since
 * it come last.
 */
export async function toXlsx(view: Dashboard, context: ExportContext = DEFAULT_CONTEXT): Promise<Buffer> {
  const text = TEXTS[context.language];
  const workbook = new Workbook();
  workbook.creator = 'Fremdrift';
  workbook.created = new Date(view.generatedAt);
  const tables = exportTables(view, context);
  const headline = addSheet(workbook, tables.headline);
  const info: [string, CsvCell, string?][] = [
    [text.generated, new Date(view.generatedAt), 'dd-mm-yyyy hh:mm'],
    [text.filters, describeFilters(view.filters, context.filterNames, context.language)],
  ];
  if (context.changes) {
    info.push([text.changesSince, `${context.changes.from.name} (${formatDay(context.changesSince ?? context.changes.from.takenAt, context.language)})`]);
  }
  info.forEach(([label, value, format], index) => {
    headline.getCell(index + 1, 4).value = label;
    const cell = headline.getCell(index + 1, 5);
    cell.value = safeCell(value);
    if (format) cell.numFmt = format;
  });
  for (const key of EXPORT_TABLES.filter((k) => k !== 'headline')) addSheet(workbook, tables[key]);
  if (context.changes) addSheet(workbook, changesTable(context.changes, context.language));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One table as CSV that Danish Excel opens as it is: UTF-8 with BOM, semicolons, decimal commas. */
export function toCsv(view: Dashboard, table: ExportTable, context: ExportContext = DEFAULT_CONTEXT): string {
  const { columns, rows } = exportTables(view, context)[table];
  return writeCsv(
    columns.map((column) => column.header),
    rows,
  );
}
