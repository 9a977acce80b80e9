import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import type { Database } from '../../core/database/database';
import { ConflictProblemException, fieldError, ForbiddenProblemException, InvalidFieldsException } from '../../core/http/problem';
import type { InitiativesService } from '../initiatives/initiatives.service';
import type { MilestonesService } from '../milestones/milestones.service';
import type { CellValue } from './cell-values';
import { ImportRun } from './import-run';
import type { InitiativeTransferRepository, StoredInitiative, StoredMilestone } from './initiative-transfer.repository';
import type { ImportFile } from './sheet-reader';

const INITIATIVE_ID = '11111111-1111-4111-8111-111111111111';
const MILESTONE_ID = '22222222-2222-4222-8222-222222222222';

const stored: StoredInitiative = {
  id: INITIATIVE_ID,
  version: 4,
  externalReference: null,
  actionPlanId: 'plan',
  actionPlanTitle: 'Handleplan',
  goalId: null,
  goalTitle: null,
  title: 'Sprogpraktik',
  summary: '',
  description: '',
  leadDepartmentId: 'mso',
  leadDepartmentCode: 'MSO',
  participatingDepartmentIds: [],
  participatingDepartmentCodes: [],
  ownerName: '',
  status: 'in_progress',
  health: 'on_track',
  startDate: null,
  targetDate: null,
  cancellationReason: '',
  internalNotes: '',
};
const milestone: StoredMilestone = {
  id: MILESTONE_ID,
  version: 2,
  initiativeId: INITIATIVE_ID,
  initiativeExternalReference: null,
  initiativeTitle: 'Sprogpraktik',
  title: 'Første hold',
  description: '',
  dueDate: '2026-06-01',
  completedDate: null,
  weight: 1,
  position: 0,
};

const sheet = <C extends string>(headers: [C, string][], rows: Partial<Record<C, CellValue>>[]) => ({
  headers: new Map(headers),
  rows: rows.map((cells, index) => ({ row: index + 2, cells: new Map(Object.entries(cells)) as Map<C, CellValue> })),
});

/** An import run over fakes of the services, to see how their refusals land on cells. */
function runWith(file: Omit<ImportFile, 'language'>) {
  const initiatives = { update: jest.fn(async () => ({ id: INITIATIVE_ID, version: 5 })), create: jest.fn() };
  const milestones = { update: jest.fn(async () => ({ id: MILESTONE_ID, version: 3 })), create: jest.fn() };
  const repository = {
    milestonesByIds: async () => [milestone],
    initiativesByIds: async () => [stored],
    initiativesByReferences: async () => [],
    plans: async () => [{ id: 'plan', title: 'Handleplan', goals: [] }],
    departments: async () => [{ id: 'mso', code: 'MSO', name: 'Sundhed og Omsorg' }],
    lockVersions: async () => new Map([[INITIATIVE_ID, 4]]),
  };
  const db = { manager: { query: jest.fn(async (_sql: string): Promise<unknown[]> => []) } };
  const run = new ImportRun(
    {
      user: { id: 'user' } as AuthenticatedUser,
      db: db as unknown as Database,
      repository: repository as unknown as InitiativeTransferRepository,
      initiatives: initiatives as unknown as InitiativesService,
      milestones: milestones as unknown as MilestonesService,
    },
    { language: 'da', ...file },
  );
  const result = async () => {
    await run.load();
    await run.apply();
    return run.preview('fil.xlsx', 'token');
  };
  return { initiatives, milestones, db, result };
}

const statusSheet = (status: string, extra: Record<string, CellValue> = {}) =>
  sheet(
    [
      ['id', 'Id'],
      ['status', 'Status'],
      ['cancellationReason', 'Begrundelse for annullering'],
    ],
    [{ id: INITIATIVE_ID, status, cancellationReason: '', ...extra }],
  );

describe('ImportRun: how the rules of the services land on cells', () => {
  it('puts a missing cancellation reason on the cancellation column, in Danish', async () => {
    const { initiatives, result } = runWith({ initiatives: statusSheet('Annulleret'), milestones: null });
    initiatives.update.mockRejectedValueOnce(
      new InvalidFieldsException({ cancellationReason: [fieldError('cancellationReason', 'cancellationReason is required', { min: 10 })] }),
    );
    const preview = await result();
    expect(preview.token).toBeNull();
    expect(preview.rows[0].errors).toEqual([
      {
        sheet: 'initiatives',
        row: 2,
        column: 'Begrundelse for annullering',
        code: 'cancellationReason',
        params: { min: 10 },
        message: 'Række 2, kolonne Begrundelse for annullering: et annulleret initiativ skal have en begrundelse på mindst 10 tegn.',
      },
    ]);
  });

  it('completes an initiative after the milestones sheet has completed its open milestones', async () => {
    const milestoneSheet = sheet(
      [
        ['id', 'Id'],
        ['completedDate', 'Nået den'],
      ],
      [{ id: MILESTONE_ID, completedDate: '01-07-2026' }],
    );
    const { initiatives, milestones, result } = runWith({ initiatives: statusSheet('Afsluttet'), milestones: milestoneSheet });
    initiatives.update.mockRejectedValueOnce(new ConflictProblemException('Open milestones', { code: 'openMilestones', params: { count: 1 } }));
    const preview = await result();
    expect(preview.counts).toEqual({ create: 0, update: 2, unchanged: 0, error: 0 });
    expect(initiatives.update).toHaveBeenCalledTimes(2);
    expect(milestones.update).toHaveBeenCalledWith({ id: 'user' }, INITIATIVE_ID, MILESTONE_ID, 2, { completedDate: '2026-07-01' });
    expect(milestones.update.mock.invocationCallOrder[0]).toBeLessThan(initiatives.update.mock.invocationCallOrder[1]);
    expect(preview.token).toBe('token');
  });

  it('reports open milestones on the Status column when the file leaves them open, and chooses nothing for the user', async () => {
    const { initiatives, result } = runWith({ initiatives: statusSheet('Completed'), milestones: null });
    initiatives.update.mockRejectedValue(new ConflictProblemException('Open milestones', { code: 'openMilestones', params: { count: 1 } }));
    const preview = await result();
    expect(preview.rows[0].errors).toEqual([expect.objectContaining({ column: 'Status', code: 'openMilestones', params: { count: 1 } })]);
    expect(initiatives.update).toHaveBeenCalledWith({ id: 'user' }, INITIATIVE_ID, 4, { status: 'completed' });
  });

  it('reports a refusal of access on the whole row and undoes the row under its savepoint', async () => {
    const { initiatives, db, result } = runWith({ initiatives: statusSheet('Sat på pause'), milestones: null });
    initiatives.update.mockRejectedValueOnce(new ForbiddenProblemException());
    const preview = await result();
    expect(preview.rows[0].errors).toEqual([
      expect.objectContaining({ column: '', code: 'notAllowed', message: 'Række 2: du har ikke adgang til at gøre dette.' }),
    ]);
    expect(db.manager.query.mock.calls.map(([sql]) => sql)).toEqual(
      expect.arrayContaining(['SAVEPOINT import_row', 'ROLLBACK TO SAVEPOINT import_row', 'RELEASE SAVEPOINT import_row']),
    );
  });

  it('ends the import on an error no client could cause', async () => {
    const { initiatives, result } = runWith({ initiatives: statusSheet('Sat på pause'), milestones: null });
    initiatives.update.mockRejectedValueOnce(new TypeError('bug'));
    await expect(result()).rejects.toThrow('bug');
  });

  it('writes nothing for a row that matches what is stored', async () => {
    const { initiatives, db, result } = runWith({ initiatives: statusSheet('I gang'), milestones: null });
    const preview = await result();
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: 1, error: 0 });
    expect(initiatives.update).not.toHaveBeenCalled();
    expect(db.manager.query).not.toHaveBeenCalled();
  });
});
