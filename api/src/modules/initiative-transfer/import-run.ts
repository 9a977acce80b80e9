import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  HEALTHS,
  INITIATIVE_STATUSES,
  type FieldError,
  type ImportCellError,
  type ImportCellErrorCode,
  type ImportCounts,
  type ImportFieldChange,
  type ImportPreview,
  type ImportRowResult,
  type InitiativeTransferColumn,
  type MilestoneTransferColumn,
  type TransferSheet,
} from '@fremdrift/contracts';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import type { Database } from '../../core/database/database';
import { EXPORT_LABELS, type ExportLanguage } from '../../core/export/labels';
import { flattenValidationErrors } from '../../core/http/validation';
import { ProblemDetailsFilter } from '../../core/http/problem-details.filter';
import { CreateInitiativeDto, UpdateInitiativeDto } from '../initiatives/dto/initiative.dto';
import type { InitiativesService } from '../initiatives/initiatives.service';
import { CreateMilestoneDto, UpdateMilestoneDto } from '../milestones/dto/milestone.dto';
import type { MilestonesService } from '../milestones/milestones.service';
import { cellText, parseChoice, parseDate, parseList, parseNumber } from './cell-values';
import { danishCellMessage } from './import-messages';
import type { DepartmentRow, InitiativeTransferRepository, PlanRef, StoredInitiative, StoredMilestone } from './initiative-transfer.repository';
import type { ImportFile, ReadSheet, SheetRow } from './sheet-reader';
import { INITIATIVE_COLUMN_LABELS, MILESTONE_COLUMN_LABELS } from './transfer-columns';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const key = (text: string) => text.normalize('NFC').toLocaleLowerCase('da').trim();

/** The initiative fields an import writes, and the column each is read from. */
const INITIATIVE_FIELD_COLUMNS = {
  externalReference: 'externalReference',
  actionPlanId: 'actionPlan',
  goalId: 'goal',
  title: 'title',
  summary: 'summary',
  description: 'description',
  leadDepartmentId: 'leadDepartment',
  participatingDepartmentIds: 'participatingDepartments',
  ownerName: 'ownerName',
  status: 'status',
  health: 'health',
  startDate: 'startDate',
  targetDate: 'targetDate',
  cancellationReason: 'cancellationReason',
  internalNotes: 'internalNotes',
  openMilestones: 'status',
} as const satisfies Record<string, InitiativeTransferColumn>;
type InitiativeField = Exclude<keyof typeof INITIATIVE_FIELD_COLUMNS, 'openMilestones'>;
type InitiativeInput = Partial<Record<InitiativeField, string | string[] | null>>;

const MILESTONE_FIELDS = ['title', 'description', 'dueDate', 'completedDate', 'weight', 'position'] as const;
type MilestoneField = (typeof MILESTONE_FIELDS)[number];
type MilestoneInput = Partial<Record<MilestoneField, string | number | null>>;

const MULTILINE = new Set<string>(['summary', 'description', 'internalNotes', 'cancellationReason']);

interface Sheet<C extends string> {
  name: TransferSheet;
  data: ReadSheet<C>;
  labels: Record<C, string>;
}

/** A row's outcome while the run goes on. */
class RowResult {
  readonly errors: ImportCellError[] = [];
  changes: ImportFieldChange[] = [];
  action: 'create' | 'update' | 'unchanged' = 'unchanged';

  constructor(
    readonly sheet: TransferSheet,
    readonly row: number,
    public title: string,
  ) {}

  toResult(): ImportRowResult {
    return {
      sheet: this.sheet,
      row: this.row,
      action: this.errors.length > 0 ? 'error' : this.action,
      title: this.title,
      changes: this.errors.length > 0 ? [] : this.changes,
      errors: this.errors,
    };
  }
}

export interface ImportRunDeps {
  user: AuthenticatedUser;
  db: Database;
  repository: InitiativeTransferRepository;
  initiatives: InitiativesService;
  milestones: MilestonesService;
}

const problems = new ProblemDetailsFilter();

/**
 * One pass over an import file inside the caller's transaction: every row is matched, compared
 * with what is stored and, when it differs, written through the initiatives' and milestones'
 * services under a savepoint of its own, so that a refused row leaves the others as they were.
 * The caller commits (confirmed) or rolls back (dry run).
 */
export class ImportRun {
  private readonly results: RowResult[] = [];
  private plans: PlanRef[] = [];
  private departments: DepartmentRow[] = [];
  private storedInitiatives = new Map<string, StoredInitiative>();
  private initiativeByReference = new Map<string, string>();
  private storedMilestones = new Map<string, StoredMilestone>();
  private versions = new Map<string, number>();
  private readonly language: ExportLanguage;

  constructor(
    private readonly deps: ImportRunDeps,
    private readonly file: ImportFile,
  ) {
    this.language = file.language;
  }

  private get initiativeSheet(): Sheet<InitiativeTransferColumn> | null {
    return this.file.initiatives ? { name: 'initiatives', data: this.file.initiatives, labels: INITIATIVE_COLUMN_LABELS[this.language] } : null;
  }

  private get milestoneSheet(): Sheet<MilestoneTransferColumn> | null {
    return this.file.milestones ? { name: 'milestones', data: this.file.milestones, labels: MILESTONE_COLUMN_LABELS[this.language] } : null;
  }

  /** Reads the references and every stored record the file names, locking those it may change. */
  async load(): Promise<void> {
    const { repository } = this.deps;
    const initiativeRows = this.file.initiatives?.rows ?? [];
    const milestoneRows = this.file.milestones?.rows ?? [];
    const uuidsIn = (rows: SheetRow<string>[], column: string) =>
      rows
        .map((row) => cellText(row.cells.get(column) ?? null))
        .filter((text) => UUID.test(text))
        .map((id) => id.toLowerCase());
    const referencesIn = (rows: SheetRow<string>[], column: string) => rows.map((row) => cellText(row.cells.get(column) ?? null)).filter((text) => text !== '');

    const milestones = await repository.milestonesByIds([...new Set(uuidsIn(milestoneRows, 'id'))]);
    this.storedMilestones = new Map(milestones.map((m) => [m.id, m]));
    const initiativeIds = new Set([...uuidsIn(initiativeRows, 'id'), ...uuidsIn(milestoneRows, 'initiativeId'), ...milestones.map((m) => m.initiativeId)]);
    const references = new Set([...referencesIn(initiativeRows, 'externalReference'), ...referencesIn(milestoneRows, 'initiativeExternalReference')]);
    // One after the other: they share the transaction's connection.
    const byIds = await repository.initiativesByIds([...initiativeIds]);
    const byReferences = await repository.initiativesByReferences([...references]);
    const plans = await repository.plans();
    const departments = await repository.departments();
    for (const initiative of [...byIds, ...byReferences]) {
      this.storedInitiatives.set(initiative.id, initiative);
      if (initiative.externalReference) this.initiativeByReference.set(key(initiative.externalReference), initiative.id);
    }
    this.plans = plans;
    this.departments = departments;
    this.versions = await repository.lockVersions([...this.storedInitiatives.keys()], [...this.storedMilestones.keys()]);
  }

  /**
   * Names the file and the state of everything it touches: the same file over the same data gives
   * the same token, and any change to either a different one.
   */
  token(body: Buffer): string {
    const hash = createHash('sha256').update(this.deps.user.id).update('\n').update(body);
    for (const [id, version] of [...this.versions].sort(([a], [b]) => a.localeCompare(b))) hash.update(`\n${id}:${version}`);
    for (const [reference, id] of [...this.initiativeByReference].sort(([a], [b]) => a.localeCompare(b))) hash.update(`\n${reference}=${id}`);
    return hash.digest('base64url');
  }

  /** Initiatives first (a milestone may belong to one created by the file), then milestones, then the completions that waited for them. */
  async apply(): Promise<void> {
    const waiting: (() => Promise<void>)[] = [];
    const initiatives = this.initiativeSheet;
    if (initiatives) {
      const keys = new Map<string, number>();
      for (const row of initiatives.data.rows) await this.initiativeRow(initiatives, row, keys, waiting);
    }
    const milestones = this.milestoneSheet;
    if (milestones) {
      const keys = new Map<string, number>();
      for (const row of milestones.data.rows) await this.milestoneRow(milestones, row, keys);
    }
    for (const retry of waiting) await retry();
  }

  preview(fileName: string, token: string): ImportPreview {
    const rows = this.results.map((result) => result.toResult());
    const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, error: 0 };
    for (const row of rows) counts[row.action]++;
    return { fileName, counts, rows: rows.filter((row) => row.action !== 'unchanged'), token: counts.error === 0 ? token : null };
  }

  // ---- initiatives ----

  private async initiativeRow(
    sheet: Sheet<InitiativeTransferColumn>,
    row: SheetRow<InitiativeTransferColumn>,
    keys: Map<string, number>,
    waiting: (() => Promise<void>)[],
  ): Promise<void> {
    const cell = (column: InitiativeTransferColumn) => row.cells.get(column) ?? null;
    const result = new RowResult('initiatives', row.row, cellText(cell('title')));
    this.results.push(result);
    const fail = (column: InitiativeTransferColumn | '', code: ImportCellErrorCode | FieldError['code'], params?: Record<string, string | number>) =>
      this.addError(result, sheet, column, code, params);

    const id = cellText(cell('id'));
    const reference = cellText(cell('externalReference'));
    let stored: StoredInitiative | undefined;
    if (id) {
      stored = UUID.test(id) ? this.storedInitiatives.get(id.toLowerCase()) : undefined;
      if (!stored) return fail('id', 'unknownId');
    } else if (reference) {
      const found = this.initiativeByReference.get(key(reference));
      stored = found ? this.storedInitiatives.get(found) : undefined;
    }
    // One initiative, one row: named by its id in one row and by its reference in another counts twice too.
    if (id || reference) {
      const rowKey = stored ? stored.id : `ref:${key(reference)}`;
      const first = keys.get(rowKey);
      if (first !== undefined) return fail(id ? 'id' : 'externalReference', 'duplicateKey', { row: first });
      keys.set(rowKey, row.row);
    }
    if (stored && !result.title) result.title = stored.title;

    const input = this.initiativeInput(sheet, row, stored, fail);
    if (result.errors.length > 0) return;

    if (!stored) {
      for (const [field, column] of [
        ['title', 'title'],
        ['actionPlanId', 'actionPlan'],
        ['leadDepartmentId', 'leadDepartment'],
      ] as const) {
        if (!input[field]) fail(column, 'required');
      }
      if (result.errors.length > 0) return;
      const dto = await this.validated(CreateInitiativeDto, withoutNulls(input), result, sheet, INITIATIVE_FIELD_COLUMNS);
      if (!dto) return;
      result.action = 'create';
      const created = await this.attempt(result, sheet, INITIATIVE_FIELD_COLUMNS, () => this.deps.initiatives.create(this.deps.user, dto));
      if (created && created !== DEFERRED && typeof input.externalReference === 'string')
        this.initiativeByReference.set(key(input.externalReference), created.id);
      return;
    }

    const changed = this.initiativeChanges(sheet, stored, input, result);
    if (Object.keys(changed).length === 0) return;
    const dto = await this.validated(UpdateInitiativeDto, changed, result, sheet, INITIATIVE_FIELD_COLUMNS);
    if (!dto) return;
    result.action = 'update';
    const write = () => this.deps.initiatives.update(this.deps.user, stored.id, this.versions.get(stored.id) ?? stored.version, dto);
    const updated = await this.attempt(result, sheet, INITIATIVE_FIELD_COLUMNS, write, { deferOpenMilestones: true });
    if (updated === DEFERRED) {
      // Completing waits until the milestones sheet has had its say: it may complete the open milestones.
      waiting.push(async () => {
        const retried = await this.attempt(result, sheet, INITIATIVE_FIELD_COLUMNS, write);
        if (retried && retried !== DEFERRED) this.versions.set(stored.id, retried.version);
      });
      return;
    }
    if (updated) {
      this.versions.set(stored.id, updated.version);
      if (typeof changed.externalReference === 'string') this.initiativeByReference.set(key(changed.externalReference), stored.id);
    }
  }

  /** The row's values as the API takes them, for the columns the file has; cells it cannot read become errors. */
  private initiativeInput(
    sheet: Sheet<InitiativeTransferColumn>,
    row: SheetRow<InitiativeTransferColumn>,
    stored: StoredInitiative | undefined,
    fail: (column: InitiativeTransferColumn, code: ImportCellErrorCode, params?: Record<string, string | number>) => void,
  ): InitiativeInput {
    const has = (column: InitiativeTransferColumn) => sheet.data.headers.has(column);
    const cell = (column: InitiativeTransferColumn) => row.cells.get(column) ?? null;
    const input: InitiativeInput = {};
    for (const field of ['title', 'summary', 'description', 'ownerName', 'cancellationReason', 'internalNotes'] as const) {
      if (has(field)) input[field] = cellText(cell(field), MULTILINE.has(field));
    }
    if (has('externalReference')) input.externalReference = cellText(cell('externalReference')) || null;

    let planId = stored?.actionPlanId;
    if (has('actionPlan')) {
      const text = cellText(cell('actionPlan'));
      const plan = this.plans.find((p) => key(p.title) === key(text) || p.id === text.toLowerCase());
      if (!text) fail('actionPlan', 'required');
      else if (!plan) fail('actionPlan', 'unknownActionPlan', { value: text });
      else input.actionPlanId = planId = plan.id;
    }
    if (has('goal')) {
      const text = cellText(cell('goal'));
      const plan = this.plans.find((p) => p.id === planId);
      const goal = plan?.goals.find((g) => key(g.title) === key(text) || g.id === text.toLowerCase());
      if (!text) input.goalId = null;
      else if (goal) input.goalId = goal.id;
      else if (plan) fail('goal', 'unknownGoal', { value: text });
    }
    if (has('leadDepartment')) {
      const text = cellText(cell('leadDepartment'));
      const department = this.department(text);
      if (!text) fail('leadDepartment', 'required');
      else if (!department) fail('leadDepartment', 'unknownDepartment', { value: text });
      else input.leadDepartmentId = department.id;
    }
    if (has('participatingDepartments')) {
      const ids: string[] = [];
      for (const text of parseList(cell('participatingDepartments'))) {
        const department = this.department(text);
        if (department) ids.push(department.id);
        else fail('participatingDepartments', 'unknownDepartment', { value: text });
      }
      input.participatingDepartmentIds = [...new Set(ids)];
    }
    const choices = { status: [INITIATIVE_STATUSES, 'status'], health: [HEALTHS, 'health'] } as const;
    for (const field of ['status', 'health'] as const) {
      if (!has(field)) continue;
      const [codes, labelKey] = choices[field];
      const parsed = parseChoice<string>(cell(field), codes, [EXPORT_LABELS.da[labelKey], EXPORT_LABELS.en[labelKey]]);
      const allowed = codes.map((code) => (EXPORT_LABELS[this.language][labelKey] as Record<string, string>)[code]).join(', ');
      if ('error' in parsed) fail(field, 'unknownValue', { value: cellText(cell(field)), allowed });
      else if (parsed.value === null && stored) fail(field, 'required');
      else if (parsed.value !== null) input[field] = parsed.value;
    }
    for (const field of ['startDate', 'targetDate'] as const) {
      if (!has(field)) continue;
      const parsed = parseDate(cell(field));
      if ('error' in parsed) fail(field, 'invalidDate', { value: cellText(cell(field)) });
      else input[field] = parsed.value;
    }
    return input;
  }

  /** The fields whose value in the file differs from what is stored, with the cells as they read before and after. */
  private initiativeChanges(sheet: Sheet<InitiativeTransferColumn>, stored: StoredInitiative, input: InitiativeInput, result: RowResult): InitiativeInput {
    const changed: InitiativeInput = {};
    for (const [field, value] of Object.entries(input) as [InitiativeField, string | string[] | null][]) {
      const before = this.storedValue(stored, field);
      const same = Array.isArray(value) && Array.isArray(before) ? [...value].sort().join() === [...before].sort().join() : value === before;
      if (same) continue;
      (changed as Record<string, unknown>)[field] = value;
      result.changes.push({
        column: this.columnText(sheet, INITIATIVE_FIELD_COLUMNS[field]),
        before: this.display(field, before),
        after: this.display(field, value),
      });
    }
    return changed;
  }

  private storedValue(stored: StoredInitiative, field: InitiativeField): string | string[] | null {
    if (field === 'participatingDepartmentIds') return stored.participatingDepartmentIds;
    const value = stored[field];
    if (typeof value !== 'string') return value;
    // Read as a cell of the file is read, so that what was exported unchanged compares equal.
    return cellText(value, MULTILINE.has(field));
  }

  /** A value as the export writes it: titles and codes for references, labels for choices. */
  private display(field: InitiativeField, value: string | string[] | null): string {
    if (value === null) return '';
    if (Array.isArray(value)) return value.map((id) => this.departments.find((d) => d.id === id)?.code ?? id).join(', ');
    switch (field) {
      case 'actionPlanId':
        return this.plans.find((p) => p.id === value)?.title ?? value;
      case 'goalId':
        return this.plans.flatMap((p) => p.goals).find((g) => g.id === value)?.title ?? value;
      case 'leadDepartmentId':
        return this.departments.find((d) => d.id === value)?.code ?? value;
      case 'status':
        return (EXPORT_LABELS[this.language].status as Record<string, string>)[value] ?? value;
      case 'health':
        return (EXPORT_LABELS[this.language].health as Record<string, string>)[value] ?? value;
      default:
        return value;
    }
  }

  private department(text: string): DepartmentRow | undefined {
    const wanted = key(text);
    return this.departments.find((d) => key(d.code) === wanted) ?? this.departments.find((d) => key(d.name) === wanted);
  }

  // ---- milestones ----

  private async milestoneRow(sheet: Sheet<MilestoneTransferColumn>, row: SheetRow<MilestoneTransferColumn>, keys: Map<string, number>): Promise<void> {
    const cell = (column: MilestoneTransferColumn) => row.cells.get(column) ?? null;
    const has = (column: MilestoneTransferColumn) => sheet.data.headers.has(column);
    const result = new RowResult('milestones', row.row, cellText(cell('title')));
    this.results.push(result);
    const fail = (column: MilestoneTransferColumn | '', code: ImportCellErrorCode | FieldError['code'], params?: Record<string, string | number>) =>
      this.addError(result, sheet, column, code, params);

    const id = cellText(cell('id'));
    let stored: StoredMilestone | undefined;
    let initiativeId: string | undefined;
    if (id) {
      stored = UUID.test(id) ? this.storedMilestones.get(id.toLowerCase()) : undefined;
      if (!stored) return fail('id', 'unknownId');
      const first = keys.get(stored.id);
      if (first !== undefined) return fail('id', 'duplicateKey', { row: first });
      keys.set(stored.id, row.row);
      const named = cellText(cell('initiativeId')).toLowerCase();
      if (named && named !== stored.initiativeId) {
        return fail('initiativeId', 'rejected', { detail: 'en milepæl kan ikke flyttes til et andet initiativ' });
      }
      initiativeId = stored.initiativeId;
      if (!result.title) result.title = stored.title;
    } else {
      const byId = cellText(cell('initiativeId'));
      const byReference = cellText(cell('initiativeExternalReference'));
      if (byId) initiativeId = UUID.test(byId) && this.storedInitiatives.has(byId.toLowerCase()) ? byId.toLowerCase() : undefined;
      else if (byReference) initiativeId = this.initiativeByReference.get(key(byReference));
      if (!initiativeId) {
        const column = !byId && (byReference || !has('initiativeId')) ? 'initiativeExternalReference' : 'initiativeId';
        return fail(column, byId || byReference ? 'unknownInitiative' : 'required');
      }
    }

    const input: MilestoneInput = {};
    if (has('title')) input.title = cellText(cell('title'));
    if (has('description')) input.description = cellText(cell('description'), true);
    for (const field of ['dueDate', 'completedDate'] as const) {
      if (!has(field)) continue;
      const parsed = parseDate(cell(field));
      if ('error' in parsed) fail(field, 'invalidDate', { value: cellText(cell(field)) });
      else input[field] = parsed.value;
    }
    for (const field of ['weight', 'position'] as const) {
      if (!has(field)) continue;
      const parsed = parseNumber(cell(field));
      if ('error' in parsed) fail(field, 'invalidNumber', { value: cellText(cell(field)) });
      else if (parsed.value !== null) input[field] = parsed.value;
    }
    if (result.errors.length > 0) return;
    const columns = Object.fromEntries(MILESTONE_FIELDS.map((field) => [field, field])) as Record<MilestoneField, MilestoneTransferColumn>;

    if (!stored) {
      if (!input.title) return fail('title', 'required');
      const dto = await this.validated(CreateMilestoneDto, withoutNulls(input), result, sheet, columns);
      if (!dto) return;
      result.action = 'create';
      const target = initiativeId;
      await this.attempt(result, sheet, columns, () => this.deps.milestones.create(this.deps.user, target, dto));
      return;
    }

    const changed: MilestoneInput = {};
    for (const [field, value] of Object.entries(input) as [MilestoneField, string | number | null][]) {
      const before = field === 'description' || field === 'title' ? cellText(stored[field], field === 'description') : stored[field];
      if (value === before) continue;
      changed[field] = value;
      result.changes.push({ column: this.columnText(sheet, field), before: before === null ? '' : String(before), after: value === null ? '' : String(value) });
    }
    if (Object.keys(changed).length === 0) return;
    const dto = await this.validated(UpdateMilestoneDto, changed, result, sheet, columns);
    if (!dto) return;
    result.action = 'update';
    const milestone = stored;
    await this.attempt(result, sheet, columns, () =>
      this.deps.milestones.update(this.deps.user, milestone.initiativeId, milestone.id, this.versions.get(milestone.id) ?? milestone.version, dto),
    );
  }

  // ---- shared ----

  private columnText<C extends string>(sheet: Sheet<C>, column: C | ''): string {
    return column === '' ? '' : (sheet.data.headers.get(column) ?? sheet.labels[column]);
  }

  private addError<C extends string>(
    result: RowResult,
    sheet: Sheet<C>,
    column: C | '',
    code: ImportCellErrorCode | FieldError['code'],
    params?: FieldError['params'],
  ) {
    const flat = params
      ? (Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value])) as Record<
          string,
          string | number
        >)
      : undefined;
    const text = this.columnText(sheet, column);
    result.errors.push({
      sheet: sheet.name,
      row: result.row,
      column: text,
      code,
      ...(flat ? { params: flat } : {}),
      message: danishCellMessage(result.row, text, code, flat),
    });
  }

  /** The input as the API's validation pipe would hand it to the service, or null with the field errors added to the row. */
  private async validated<T extends object, C extends string>(
    type: new () => T,
    input: object,
    result: RowResult,
    sheet: Sheet<C>,
    columns: Partial<Record<string, C>>,
  ): Promise<T | null> {
    const dto = plainToInstance(type, input);
    const errors = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
    this.addFieldErrors(result, sheet, columns, errors);
    return Object.keys(errors).length > 0 ? null : dto;
  }

  private addFieldErrors<C extends string>(
    result: RowResult,
    sheet: Sheet<C>,
    columns: Partial<Record<string, C>>,
    errors: Record<string, FieldError[]>,
  ): void {
    for (const [field, list] of Object.entries(errors)) {
      const column = columns[field.split('.')[0]] ?? '';
      for (const error of list) this.addError(result, sheet, column, error.code, error.params);
    }
  }

  /**
   * Runs one row's write under a savepoint. A refusal the API would answer with a 4xx becomes the
   * row's errors and undoes the row alone; anything else (the database gone) ends the import.
   */
  private async attempt<T, C extends string>(
    result: RowResult,
    sheet: Sheet<C>,
    columns: Partial<Record<string, C>>,
    write: () => Promise<T>,
    options: { deferOpenMilestones?: boolean } = {},
  ): Promise<T | typeof DEFERRED | null> {
    const { manager } = this.deps.db;
    await manager.query('SAVEPOINT import_row');
    try {
      const written = await write();
      await manager.query('RELEASE SAVEPOINT import_row');
      return written;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT import_row');
      await manager.query('RELEASE SAVEPOINT import_row');
      const problem = problems.toProblem(error);
      if (problem.status >= 500) throw error;
      if (problem.code === 'openMilestones' && options.deferOpenMilestones) return DEFERRED;
      if (problem.errors && Object.keys(problem.errors).length > 0) {
        this.addFieldErrors(result, sheet, columns, problem.errors);
      } else if (problem.code === 'openMilestones') {
        this.addError(result, sheet, (columns['status'] ?? '') as C | '', 'openMilestones', problem.params);
      } else if (problem.status === 403) {
        this.addError(result, sheet, '', 'notAllowed');
      } else if (problem.status === 404) {
        this.addError(result, sheet, '', 'unknownId');
      } else {
        this.addError(result, sheet, '', 'rejected', { detail: problem.detail ?? problem.title });
      }
      return null;
    }
  }
}

const DEFERRED = Symbol('deferred');

function withoutNulls<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== '')) as T;
}
