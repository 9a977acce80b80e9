import { Workbook, type Worksheet } from 'exceljs';
import { HEALTHS, type Dashboard, type DashboardQuery, type HealthCounts, type InitiativeStatus } from '@fremdrift/contracts';
import { toCsv as writeCsv, type CsvCell } from '../../core/export/csv';
import { EXPORT_LABELS } from '../../core/export/labels';
import { neutralizeFormula } from '../../core/export/spreadsheet-text';

/** The tables of a dashboard view, as a council paper needs them: Danish headings, real numbers and dates. */
export const EXPORT_TABLES = ['headline', 'departments', 'healthOverTime', 'milestones', 'compliance'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const safeCell = (value: CsvCell): CsvCell => (typeof value === 'string' ? neutralizeFormula(value) : value);

interface Table {
  sheet: string;
  columns: { header: string; width: number; format?: string }[];
  rows: CsvCell[][];
}

const LABELS = EXPORT_LABELS.da;
const PERCENT = '0%';
/** Headline rows that are shares (0 to 1), shown as percentages. */
const SHARES = new Set(['Gennemsnitlig fremdrift', 'Gennemsnitlig forventet fremdrift', 'Andel nået til tiden']);
const DATE = 'dd-mm-yyyy';
const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const healthCells = (counts: HealthCounts) => [counts.on_track, counts.at_risk, counts.off_track];
const healthColumns = () => HEALTHS.map((health) => ({ header: LABELS.health[health], width: 12 }));

export function exportTables(view: Dashboard): Record<ExportTable, Table> {
  const { headline } = view;
  return {
    headline: {
      sheet: 'Nøgletal',
      columns: [
        { header: 'Nøgletal', width: 44 },
        { header: 'Værdi', width: 14 },
      ],
      rows: [
        ['Initiativer', headline.initiatives],
        ...Object.entries(headline.byStatus).map(([status, n]): CsvCell[] => [`Status: ${LABELS.status[status as InitiativeStatus]}`, n]),
        ...HEALTHS.map((health): CsvCell[] => [`Vurdering: ${LABELS.health[health]}`, headline.byHealth[health]]),
        ['Gennemsnitlig fremdrift', headline.averageProgress],
        ['Gennemsnitlig forventet fremdrift', headline.averageExpectedProgress],
        ['Milepæle i alt', headline.milestones.total],
        ['Milepæle nået', headline.milestones.completed],
        ['Milepæle nået til tiden', headline.milestones.completedOnTime],
        ['Andel nået til tiden', headline.milestones.onTimeShare],
        ['Forsinkede milepæle', headline.milestones.overdue],
        ['Milepæle de næste 90 dage', headline.milestones.dueNext90Days],
      ],
    },
    departments: {
      sheet: 'Afdelinger',
      columns: [
        { header: 'Kode', width: 8 },
        { header: 'Afdeling', width: 36 },
        { header: 'Ansvarlig for', width: 14 },
        { header: 'Fremdrift (ansvarlig)', width: 20, format: PERCENT },
        { header: 'Forventet (ansvarlig)', width: 20, format: PERCENT },
        ...healthColumns(),
        { header: 'Deltager i', width: 12 },
        { header: 'Fremdrift (deltager)', width: 20, format: PERCENT },
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
    healthOverTime: {
      sheet: 'Udvikling',
      columns: [{ header: 'Måned', width: 12 }, ...healthColumns(), { header: 'Har rapporteret', width: 16 }],
      rows: view.healthOverTime.map((m) => [m.month, ...healthCells(m.byHealth), m.reported]),
    },
    milestones: {
      sheet: 'Milepæle 90 dage',
      columns: [
        { header: 'Uge fra', width: 12, format: DATE },
        { header: 'Milepæle', width: 10 },
      ],
      rows: view.milestoneWeeks.map((w) => [date(w.weekStart), w.due]),
    },
    compliance: {
      sheet: 'Manglende status',
      columns: [
        { header: 'Initiativ', width: 48 },
        { header: 'Ansvarlig afdeling', width: 32 },
        { header: 'Status', width: 12 },
        { header: 'Seneste periode', width: 16, format: DATE },
        { header: 'Dage forsinket', width: 14 },
      ],
      rows: view.compliance.map((c) => [
        c.initiative.title,
        c.leadDepartment.name,
        c.state === 'overdue' ? 'Forsinket' : 'Mangler',
        date(c.lastReportedPeriodEnd),
        c.daysOverdue,
      ]),
    },
  };
}

function describeFilters(filters: DashboardQuery): string {
  const parts = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${value}`);
  return parts.length ? parts.join(', ') : 'ingen';
}

function addSheet(workbook: Workbook, table: Table): Worksheet {
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({ header: column.header, width: column.width, style: column.format ? { numFmt: column.format } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(table.rows.map((row) => row.map(safeCell)));
  return sheet;
}

/** One sheet per table, frozen header rows; the first sheet also says when and with which filters. */
export async function toXlsx(view: Dashboard): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Fremdrift';
  workbook.created = new Date(view.generatedAt);
  const tables = exportTables(view);
  const headline = addSheet(workbook, tables.headline);
  headline.getCell('D1').value = 'Dannet';
  headline.getCell('E1').value = new Date(view.generatedAt);
  headline.getCell('E1').numFmt = 'dd-mm-yyyy hh:mm';
  headline.getCell('D2').value = 'Filtre';
  headline.getCell('E2').value = describeFilters(view.filters);
  headline.eachRow((row) => {
    if (SHARES.has(String(row.getCell(1).value))) row.getCell(2).numFmt = PERCENT;
  });
  for (const key of EXPORT_TABLES.filter((k) => k !== 'headline')) addSheet(workbook, tables[key]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One table as CSV that Danish Excel opens as it is: UTF-8 with BOM, semicolons, decimal commas. */
export function toCsv(view: Dashboard, table: ExportTable): string {
  const { columns, rows } = exportTables(view)[table];
  return writeCsv(
    columns.map((column) => column.header),
    rows,
  );
}
