import { Injectable } from '@nestjs/common';
import {
  SNAPSHOT_NOW,
  type Page,
  type ReportingSnapshot,
  type ReportingSnapshotSummary,
  type SnapshotDiff,
  type SnapshotInitiative,
} from '@fremdrift/contracts';
import { diffSnapshots, type SnapshotSide } from '@fremdrift/progress';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { Clock } from '../../core/clock/clock';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { pageWindow, toPage, type PageQueryDto } from '../../core/http/pagination';
import { ConflictProblemException, invalidField, ResourceNotFoundException } from '../../core/http/problem';
import type { CreateReportingSnapshotDto } from './dto/reporting-snapshot.dto';
import { ReportingSnapshotsRepository } from './reporting-snapshots.repository';
import type { StateFilter } from './snapshot-statements';

/** The name of the "now" side of a diff; clients show their own word for `to.id === null`. */
const NOW_NAME = 'Nu';

const inTitleOrder = (initiatives: SnapshotInitiative[]) =>
  initiatives.sort((a, b) => a.title.localeCompare(b.title, 'da') || a.initiativeId.localeCompare(b.initiativeId));

@Injectable()
export class ReportingSnapshotsService {
  constructor(
    private readonly snapshots: ReportingSnapshotsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Freezes every initiative (of one plan, when given) as it is now, in one transaction; the audit trail records who and when. */
  async freeze(user: AuthenticatedUser, input: CreateReportingSnapshotDto): Promise<ReportingSnapshot> {
    const actionPlanId = input.actionPlanId ?? null;
    const id = await this.tx.run(actorOf(user), async () => {
      if (actionPlanId && !(await this.snapshots.actionPlanExists(actionPlanId))) {
        throw invalidField('actionPlanId', 'unknownReference', 'actionPlanId refers to an action plan that does not exist');
      }
      return this.snapshots.freeze(
        { name: input.name, takenAt: this.clock.now(), takenBy: { id: user.id, name: user.displayName }, actionPlanId },
        this.clock.today(),
      );
    });
    return this.get(id);
  }

  /** Newest first. */
  async list(query: PageQueryDto): Promise<Page<ReportingSnapshotSummary>> {
    const window = pageWindow(query);
    const [items, total] = await this.snapshots.findPage(window);
    return toPage(items, total, window);
  }

  async get(id: string): Promise<ReportingSnapshot> {
    const summary = await this.require(id);
    return { ...summary, initiatives: inTitleOrder(await this.snapshots.initiatives(id)) };
  }

  /** From one snapshot to another (409 when they cover two different plans), or to now (`to` = `now` or left out): now within the same plan as `from`. */
  async diff(fromId: string, to: string = SNAPSHOT_NOW): Promise<SnapshotDiff> {
    const from = await this.get(fromId);
    if (to === SNAPSHOT_NOW) return diffSnapshots(from, await this.now(from.actionPlanId === null ? {} : { actionPlanId: from.actionPlanId }));
    const other = await this.get(to);
    if (from.actionPlanId && other.actionPlanId && from.actionPlanId !== other.actionPlanId) {
      throw new ConflictProblemException('The two snapshots cover different action plans: there is nothing to compare.');
    }
    return diffSnapshots(from, other);
  }

  /**
   * From a snapshot to now, within a filter (the dashboard's): initiatives outside it now are left
   * out, and so are deleted ones unless the filter is a plan at most (they are then kept when their
   * frozen plan matches, which diffSnapshots checks).
   */
  async diffWithin(fromId: string, filter: StateFilter): Promise<SnapshotDiff> {
    const from = await this.get(fromId);
    const actionPlanId = filter.actionPlanId ?? from.actionPlanId;
    const now = await this.now({ ...filter, actionPlanId });
    const diff = diffSnapshots(from, now);
    return filter.goalId || filter.department ? { ...diff, removed: [] } : diff;
  }

  /** The current state as a snapshot would freeze it, without storing it. */
  async now(filter: StateFilter): Promise<SnapshotSide> {
    const initiatives = await this.currentInitiatives(filter);
    return {
      id: null,
      name: NOW_NAME,
      takenAt: this.clock.now().toISOString(),
      actionPlanId: filter.actionPlanId ?? null,
      initiatives,
    };
  }

  /** The current state of the initiatives in a filter, as a snapshot freezes them (the dashboard's initiative sheet). */
  async currentInitiatives(filter: StateFilter): Promise<SnapshotInitiative[]> {
    return inTitleOrder(await this.snapshots.currentState(filter, this.clock.today()));
  }

  /** A snapshot's id and name, or null when there is none with that id. */
  summary(id: string): Promise<ReportingSnapshotSummary | null> {
    return this.snapshots.findSummary(id);
  }

  private async require(id: string): Promise<ReportingSnapshotSummary> {
    const summary = await this.snapshots.findSummary(id);
    if (!summary) throw new ResourceNotFoundException('Reporting snapshot', id);
    return summary;
  }
}
