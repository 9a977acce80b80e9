import { DataSource, type EntityManager } from 'typeorm';
import { CYCLE_SETTING_LIMITS, LIMITS, type ReportingPeriod } from '@fremdrift/contracts';
import { applyConsentChange } from '@fremdrift/access';
import { decideLifecycle, isHealthDrop, MUNICIPAL_TIME_ZONE, reportingPeriodOf, todayIn } from '@fremdrift/progress';
import { actorOf } from '../../core/auth/authenticated-user';
import { attributeTo, SYSTEM_ACTOR, type Actor } from '../../core/database/transaction-runner';
import { writePublicText } from '../../modules/status-updates/public-text';
import { dataSourceOptions } from '../data-source-options';
import { DEMO_ADMIN_EMAIL, demoAccountsByEmail, seedDemoAccounts, type SeededAccount } from './demo-accounts';
import { isCalendarDay } from './demo-calendar';
import { demoData } from './demo-data';
import type { DemoData, DemoInitiative, DemoStatusUpdate } from './demo-data.types';

export interface SeedResult {
  departments: number;
  partners: number;
  plans: number;
  initiatives: number;
  accounts: number;
}

export interface SeedOptions {
  /** The day the demo is anchored to (`YYYY-MM-DD`); by default today in the municipality. */
  today?: string;
  /** The moment of loading; by default now. On its own day, no time of the day in the demo lies after it. */
  now?: Date;
  /** The data to load; by default the demo data as seen on `today`. */
  data?: DemoData;
}

/**
 * Loads the demo data, its dates relative to `today`. Idempotent: departments and partners are
 * matched by code and name, and a plan that already exists (by title) is left as it is. Runs in one
 * transaction; every write is attributed to the demo account that would have made it.
 */
export async function seedDemoData(url: string, options: SeedOptions = {}): Promise<SeedResult> {
  const today = options.today ?? todayIn(MUNICIPAL_TIME_ZONE);
  if (!isCalendarDay(today)) throw new Error(`The demo's today must be a date (YYYY-MM-DD), got "${today}"`);
  const data = options.data ?? demoData(today);
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const now = options.now ?? new Date();
    const latest = today === todayIn(MUNICIPAL_TIME_ZONE, now) ? now.toISOString() : null;
    return await dataSource.transaction((manager) => seedWith(manager, data, today, latest));
  } finally {
    await dataSource.destroy();
  }
}

/** True when the database holds no departments, plans or users: a fresh installation. */
export async function isDatabaseEmpty(url: string): Promise<boolean> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const [row] = await dataSource.query(
      'SELECT (SELECT count(*) FROM department)::int + (SELECT count(*) FROM action_plan)::int + (SELECT count(*) FROM app_user)::int AS count',
    );
    return row.count === 0;
  } finally {
    await dataSource.destroy();
  }
}

/** Who does what in the demo's history: the admin sets up, leads report on their department's work, management approves. */
interface DemoActors {
  admin: Actor;
  management: SeededAccount;
  leadOf(departmentCode: string): Actor;
}

async function seedWith(manager: EntityManager, data: DemoData, today: string, latest: string | null): Promise<SeedResult> {
  const result: SeedResult = { departments: 0, partners: 0, plans: 0, initiatives: 0, accounts: 0 };
  const codes = data.departments.map((d) => d.code);
  // The administrator is set up by the installation; everything after is the administrator's doing.
  await attributeTo(manager, SYSTEM_ACTOR);
  result.accounts += await seedDemoAccounts(manager, new Map(), codes, (account) => account.email === DEMO_ADMIN_EMAIL);
  const admin = actorOf(required(await demoAccountsByEmail(manager, codes), DEMO_ADMIN_EMAIL, 'account'));

  await attributeTo(manager, admin);
  for (const [index, department] of data.departments.entries()) {
    const inserted = await manager.query('INSERT INTO department (code, name, sort_order) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id', [
      department.code,
      department.name,
      index,
    ]);
    result.departments += inserted.length;
  }
  const departmentIds = await idsBy(manager, 'SELECT code AS key, id FROM department');
  result.accounts += await seedDemoAccounts(manager, new Map(codes.map((code) => [code, required(departmentIds, code, 'department')])), codes);
  const actors = demoActors(await demoAccountsByEmail(manager, codes));

  for (const partner of data.partners) {
    const inserted = await manager.query('INSERT INTO partner (name, type, description) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id', [
      partner.name,
      partner.type,
      partner.description,
    ]);
    result.partners += inserted.length;
  }
  const partnerIdsByName = await idsBy(manager, 'SELECT name AS key, id FROM partner');
  const partnerIds = new Map(data.partners.map((p) => [p.key, required(partnerIdsByName, p.name, 'partner')]));
  const delayCauseIds = await idsBy(manager, 'SELECT code AS key, id FROM delay_cause');

  for (const plan of data.plans) {
    const [existing] = await manager.query('SELECT id FROM action_plan WHERE title = $1', [plan.title]);
    if (existing) continue;
    await attributeTo(manager, actors.admin);
    const [{ id: planId }] = await manager.query(
      `INSERT INTO action_plan (title, description, co_creation_date, co_creation_method, reporting_period, participants_citizens,
         participants_volunteers, participants_companies, participants_civil_society, participants_staff, reminder_days_before)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        plan.title,
        plan.description,
        plan.coCreationDate,
        plan.coCreationMethod,
        plan.reportingPeriod,
        plan.participants.citizens,
        plan.participants.volunteers,
        plan.participants.companies,
        plan.participants.civilSociety,
        plan.participants.staff,
        remindingFromToday(plan.reportingPeriod, today),
      ],
    );
    const goalIds = new Map<string, string>();
    for (const [index, goal] of plan.goals.entries()) {
      const [{ id }] = await manager.query('INSERT INTO goal (action_plan_id, title, description, sort_order) VALUES ($1, $2, $3, $4) RETURNING id', [
        planId,
        goal.title,
        goal.description,
        index,
      ]);
      goalIds.set(goal.title, id);
    }
    for (const initiative of plan.initiatives) {
      await insertInitiative(manager, initiative, {
        planId,
        goalIds,
        departmentIds,
        partnerIds,
        delayCauseIds,
        coCreationDate: plan.coCreationDate,
        today,
        latest,
        actors,
      });
      result.initiatives += 1;
    }
    result.plans += 1;
  }
  return result;
}

function demoActors(byEmail: Map<string, SeededAccount>): DemoActors {
  const account = (email: string) => {
    const found = byEmail.get(email);
    if (!found) throw new Error(`The demo account ${email} is missing`);
    return found;
  };
  return {
    admin: actorOf(account(DEMO_ADMIN_EMAIL)),
    management: account('ledelse@fremdrift.example'),
    leadOf: (code) => actorOf(account(`leder.${code.toLowerCase()}@fremdrift.example`)),
  };
}

interface InitiativeRefs {
  planId: string;
  goalIds: Map<string, string>;
  departmentIds: Map<string, string>;
  partnerIds: Map<string, string>;
  delayCauseIds: Map<string, string>;
  coCreationDate: string;
  today: string;
  /** Loaded on the real today: no time of the day may lie after the moment of loading. */
  latest: string | null;
  actors: DemoActors;
}

async function insertInitiative(manager: EntityManager, initiative: DemoInitiative, refs: InitiativeRefs): Promise<void> {
  // The demo data obeys the lifecycle rule like every other path: a reason for a cancellation, no open milestones when completed.
  const lifecycle = decideLifecycle({
    current: null,
    requested: { status: initiative.status, cancellationReason: initiative.cancellationReason },
    openMilestoneCount: initiative.milestones.filter((milestone) => milestone.completedDate === null).length,
  });
  if (!lifecycle.ok) throw new Error(`Demo initiative "${initiative.title}" breaks the lifecycle rule: ${lifecycle.problem}`);
  await attributeTo(manager, refs.actors.admin);
  const [{ id }] = await manager.query(
    `INSERT INTO initiative (action_plan_id, goal_id, title, summary, description, lead_department_id, owner_name, status,
       health, start_date, target_date, published, public_summary, internal_notes, cancellation_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      refs.planId,
      required(refs.goalIds, initiative.goal, 'goal'),
      initiative.title,
      initiative.summary,
      initiative.description,
      required(refs.departmentIds, initiative.leadDepartment, 'department'),
      initiative.ownerName,
      initiative.status,
      initiative.health,
      initiative.startDate,
      initiative.targetDate,
      initiative.published,
      initiative.publicSummary,
      initiative.internalNotes,
      lifecycle.cancellationReason,
    ],
  );
  for (const code of initiative.participatingDepartments) {
    await manager.query('INSERT INTO initiative_department (initiative_id, department_id) VALUES ($1, $2)', [
      id,
      required(refs.departmentIds, code, 'department'),
    ]);
  }
  for (const link of initiative.partners) {
    // Demo partners consented at the co-creation workshop; the consent rule holds here as on every other path.
    const consent = applyConsentChange(
      null,
      link.publicConsent ? { publicConsent: true, consentGivenOn: refs.coCreationDate, consentMethod: 'workshop' } : {},
      refs.today,
    );
    if (!consent.consent) throw new Error(`Demo partner link "${link.partner}" breaks the consent rule: ${JSON.stringify(consent.errors)}`);
    await manager.query(
      `INSERT INTO initiative_partner (initiative_id, partner_id, role, public_consent, consent_given_on, consent_method, consent_withdrawn_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        required(refs.partnerIds, link.partner, 'partner'),
        link.role,
        consent.consent.publicConsent,
        consent.consent.consentGivenOn,
        consent.consent.consentMethod,
        consent.consent.consentWithdrawnOn,
      ],
    );
  }

  // Milestones and status updates are the lead's work.
  const lead = refs.actors.leadOf(initiative.leadDepartment);
  await attributeTo(manager, lead);
  for (const [position, milestone] of initiative.milestones.entries()) {
    if (milestone.completedDate !== null && milestone.completedDate > refs.today) {
      throw new Error(`Demo milestone "${milestone.title}" is completed after today (${milestone.completedDate})`);
    }
    await manager.query(
      `INSERT INTO milestone (initiative_id, title, description, due_date, completed_date, weight, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, milestone.title, milestone.description, milestone.dueDate, milestone.completedDate, milestone.weight, position],
    );
  }
  let baselineHealth = initiative.statusUpdates[0]?.health;
  for (const update of [...initiative.statusUpdates].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))) {
    if (!lead.name.startsWith(`${update.authorName} <`)) {
      throw new Error(`A status update on "${initiative.title}" is written by ${update.authorName}, not the lead of ${initiative.leadDepartment}`);
    }
    const delay = delayExplanation(initiative, update, baselineHealth, refs.delayCauseIds);
    // The plans let leads propose public text only: management approves it, as in the app.
    const publicText = writePublicText(update.publicText, false);
    await attributeTo(manager, lead);
    const [{ id: updateId }] = await manager.query(
      `INSERT INTO status_update (initiative_id, period_start, period_end, health, baseline_health, narrative, blockers, next_steps,
         internal_text, public_text, public_text_state, approved_public_text, author_name, reported_at, delay_cause_id, delay_reason,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '', $12, least($13::timestamptz, $16), $14, $15, least($13::timestamptz, $16), least($13::timestamptz, $16))
       RETURNING id`,
      [
        id,
        update.periodStart,
        update.periodEnd,
        update.health,
        baselineHealth,
        update.narrative,
        update.blockers,
        update.nextSteps,
        update.internalText,
        update.publicText,
        publicText.publicTextState,
        update.authorName,
        update.reportedAt,
        delay.causeId,
        delay.reason,
        refs.latest ?? 'infinity',
      ],
    );
    if (publicText.publicTextState === 'pending') await approvePublicText(manager, updateId, update, refs.actors.management, refs.latest);
    baselineHealth = update.health;
  }
}

/** A drop in health needs a cause and a reason, on this path as in the API; the demo's reason is the update's blockers. */
function delayExplanation(
  initiative: DemoInitiative,
  update: DemoStatusUpdate,
  baseline: DemoStatusUpdate['health'] | undefined,
  causeIds: Map<string, string>,
): { causeId: string | null; reason: string } {
  if (baseline === undefined || !isHealthDrop(baseline, update.health)) return { causeId: null, reason: '' };
  if (!update.delayCause || update.blockers.length < LIMITS.delayReason.min) {
    throw new Error(`The status update for ${update.periodStart} on "${initiative.title}" drops in health without a cause and a reason`);
  }
  return { causeId: required(causeIds, update.delayCause, 'delay cause'), reason: update.blockers };
}

/** Management approves the lead's public text on the day it was reported. */
async function approvePublicText(
  manager: EntityManager,
  updateId: string,
  update: DemoStatusUpdate,
  management: SeededAccount,
  latest: string | null,
): Promise<void> {
  await attributeTo(manager, actorOf(management));
  await manager.query(
    `UPDATE status_update SET public_text_state = 'approved', approved_public_text = public_text, reviewer_id = $2, reviewer_name = $3,
       reviewed_at = least($4::timestamptz + interval '3 hours', $5), updated_at = least($4::timestamptz + interval '3 hours', $5)
     WHERE id = $1`,
    [updateId, management.id, management.displayName, update.reportedAt, latest ?? 'infinity'],
  );
}

async function idsBy(manager: EntityManager, sql: string): Promise<Map<string, string>> {
  const rows: { key: string; id: string }[] = await manager.query(sql);
  return new Map(rows.map((row) => [row.key, row.id]));
}

function required<T>(map: Map<string, T>, key: string, kind: string): T {
  const value = map.get(key);
  if (!value) throw new Error(`Demo data refers to an unknown ${kind}: ${key}`);
  return value;
}

/**
 * The demo's plans remind from the day the demo is loaded, so that a newcomer finds this period's
 * reminders in the outbox at once, whatever day of the period that is.
 */
function remindingFromToday(period: ReportingPeriod, today: string): number {
  const daysLeft = Math.round((Date.parse(`${reportingPeriodOf(period, today).end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const { min, max } = CYCLE_SETTING_LIMITS.reminderDaysBefore;
  return Math.min(max, Math.max(min, daysLeft));
}
