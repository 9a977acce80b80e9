import { HttpStatus, Injectable } from '@nestjs/common';
import { LIMITS, type ImportOutcome, type ImportPreview, type InitiativeSummary, type TransferFormat } from '@fremdrift/contracts';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { Clock } from '../../core/clock/clock';
import { Database } from '../../core/database/database';
import { TransactionRunner } from '../../core/database/transaction-runner';
import type { CsvCell } from '../../core/export/csv';
import { EXPORT_LABELS, type ExportLanguage } from '../../core/export/labels';
import { ConflictProblemException, ProblemException, problem } from '../../core/http/problem';
import { InitiativesService } from '../initiatives/initiatives.service';
import { MilestonesService } from '../milestones/milestones.service';
import type { TransferExportQueryDto } from './dto/initiative-transfer.dto';
import { InitiativeTransferRepository, type StoredInitiative, type StoredMilestone } from './initiative-transfer.repository';
import { ImportRun } from './import-run';
import { readImportFile } from './sheet-reader';
import { transferCsv, transferXlsx, type InitiativeCells, type MilestoneCells } from './sheet-writer';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

export interface TransferDownload {
  fileName: string;
  contentType: string;
  body: Buffer | string;
}

/** Ends a dry run's transaction without keeping anything, carrying its answer out. */
class RollBack extends Error {
  constructor(readonly preview: ImportPreview) {
    super('rolled back');
  }
}

const date = (iso: string | null): CsvCell => (iso ? new Date(`${iso}T00:00:00Z`) : null);

@Injectable()
export class InitiativeTransferService {
  constructor(
    private readonly initiatives: InitiativesService,
    private readonly milestones: MilestonesService,
    private readonly repository: InitiativeTransferRepository,
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  /** Every initiative the list shows for these filters (all pages), and their milestones. */
  async export(user: AuthenticatedUser, query: TransferExportQueryDto): Promise<TransferDownload> {
    const { format = 'xlsx', lang = 'da', ...filters } = query;
    const { initiatives, milestones } = await this.tx.readConsistently(async () => {
      const summaries: InitiativeSummary[] = [];
      for (let page = 1; ; page++) {
        const result = await this.initiatives.list({ ...filters, page, pageSize: LIMITS.pageSize.max }, user);
        summaries.push(...result.items);
        if (result.items.length < LIMITS.pageSize.max || summaries.length >= result.total) break;
      }
      const stored = await this.repository.initiativesByIds(summaries.map((s) => s.id));
      const figures = new Map(summaries.map((s) => [s.id, s]));
      return {
        initiatives: stored.map((initiative) => initiativeCells(initiative, figures.get(initiative.id), lang)),
        milestones: format === 'xlsx' ? (await this.repository.milestonesOf(stored.map((i) => i.id))).map(milestoneCells) : [],
      };
    });
    return this.download('initiativer', format, lang, { initiatives, milestones });
  }

  /** The export's columns without rows; the workbook adds a guide to the columns. */
  template(format: TransferFormat, lang: ExportLanguage): Promise<TransferDownload> {
    return this.download('initiativer-skabelon', format, lang, { initiatives: [], milestones: [] }, true);
  }

  private async download(
    name: string,
    format: TransferFormat,
    lang: ExportLanguage,
    tables: { initiatives: InitiativeCells[]; milestones: MilestoneCells[] },
    guide = false,
  ): Promise<TransferDownload> {
    const fileName = `${name}-${this.clock.today()}.${format}`;
    if (format === 'csv') return { fileName, contentType: `${CSV_TYPE}; charset=utf-8`, body: transferCsv(tables.initiatives, lang) };
    return { fileName, contentType: XLSX_TYPE, body: await transferXlsx(tables, lang, { guide }) };
  }

  /** The dry run: what the file would create, update and leave alone, with every cell in error. Nothing is kept. */
  async preview(user: AuthenticatedUser, body: Buffer | undefined, format: TransferFormat, fileName: string): Promise<ImportPreview> {
    return this.run(user, body, format, fileName, null);
  }

  /**
   * Applies the file in one transaction, if the token of its dry run still holds: 409 when the file
   * or the data it touches changed since, 400 when a row is refused (and nothing is kept).
   */
  async apply(user: AuthenticatedUser, body: Buffer | undefined, format: TransferFormat, fileName: string, token: string): Promise<ImportOutcome> {
    const preview = await this.run(user, body, format, fileName, token);
    if (preview.token === null) {
      throw new ProblemException(
        problem(HttpStatus.BAD_REQUEST, `The file has ${preview.counts.error} rows in error; nothing was imported. Run the dry run to see them.`, {
          code: 'importInvalid',
          params: { rows: preview.counts.error },
        }),
      );
    }
    return { counts: preview.counts };
  }

  private async run(
    user: AuthenticatedUser,
    body: Buffer | undefined,
    format: TransferFormat,
    fileName: string,
    confirm: string | null,
  ): Promise<ImportPreview> {
    const file = await readImportFile(body ?? Buffer.alloc(0), format);
    try {
      return await this.tx.run(actorOf(user), async () => {
        const run = new ImportRun({ user, db: this.db, repository: this.repository, initiatives: this.initiatives, milestones: this.milestones }, file);
        await run.load();
        const token = run.token(body ?? Buffer.alloc(0));
        if (confirm !== null && confirm !== token) {
          throw new ConflictProblemException('The file or the data it changes has changed since the dry run. Run the dry run again.', {
            code: 'importChanged',
          });
        }
        await run.apply();
        const preview = run.preview(fileName, token);
        if (confirm === null || preview.token === null) throw new RollBack(preview);
        return preview;
      });
    } catch (error) {
      if (error instanceof RollBack) return error.preview;
      throw error;
    }
  }
}

function initiativeCells(initiative: StoredInitiative, figures: InitiativeSummary | undefined, lang: ExportLanguage): InitiativeCells {
  const labels = EXPORT_LABELS[lang];
  return {
    id: initiative.id,
    externalReference: initiative.externalReference ?? '',
    actionPlan: initiative.actionPlanTitle,
    goal: initiative.goalTitle ?? '',
    title: initiative.title,
    summary: initiative.summary,
    description: initiative.description,
    leadDepartment: initiative.leadDepartmentCode,
    participatingDepartments: initiative.participatingDepartmentCodes.join(', '),
    ownerName: initiative.ownerName,
    status: labels.status[initiative.status],
    health: labels.health[initiative.health],
    startDate: date(initiative.startDate),
    targetDate: date(initiative.targetDate),
    cancellationReason: initiative.cancellationReason,
    internalNotes: initiative.internalNotes,
    progress: figures?.progress ?? null,
    expectedProgress: figures?.expectedProgress ?? null,
  };
}

function milestoneCells(milestone: StoredMilestone): MilestoneCells {
  return {
    id: milestone.id,
    initiativeId: milestone.initiativeId,
    initiativeExternalReference: milestone.initiativeExternalReference ?? '',
    initiativeTitle: milestone.initiativeTitle,
    title: milestone.title,
    description: milestone.description,
    dueDate: date(milestone.dueDate),
    completedDate: date(milestone.completedDate),
    weight: milestone.weight,
    position: milestone.position,
  };
}
