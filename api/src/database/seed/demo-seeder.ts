import { DataSource, type EntityManager } from 'typeorm';
import { applyConsentChange } from '@fremdrift/access';
import { decideLifecycle, MUNICIPAL_TIME_ZONE, todayIn } from '@fremdrift/progress';
import { attributeTo, SYSTEM_ACTOR } from '../../core/database/transaction-runner';
import { writePublicText } from '../../modules/status-updates/public-text';
import { dataSourceOptions } from '../data-source-options';
import { seedDemoAccounts } from './demo-accounts';
import { demoData } from './demo-data';
import type { DemoData, DemoInitiative } from './demo-data.types';

export interface SeedResult {
  departments: number;
  partners: number;
  plans: number;
  initiatives: number;
  accounts: number;
}

/**
 * Loads the demo data. Idempotent: departments and partners are matched by code and name, and a
 * plan that already exists (by title) is left as it is. Runs in one transaction.
 */
export async function seedDemoData(url: string, data: DemoData = demoData): Promise<SeedResult> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    return await dataSource.transaction((manager) => seedWith(manager, data));
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

async function seedWith(manager: EntityManager, data: DemoData): Promise<SeedResult> {
  await attributeTo(manager, SYSTEM_ACTOR);
  const result: SeedResult = { departments: 0, partners: 0, plans: 0, initiatives: 0, accounts: 0 };

  for (const [index, department] of data.departments.entries()) {
    const inserted = await manager.query('INSERT INTO department (code, name, sort_order) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id', [
      department.code,
      department.name,
      index,
    ]);
    result.departments += inserted.length;
  }
  const departmentIds = await idsBy(manager, 'SELECT code AS key, id FROM department');
  result.accounts = await seedDemoAccounts(manager, new Map(data.departments.map((d) => [d.code, required(departmentIds, d.code, 'department')])));

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

  for (const plan of data.plans) {
    const [existing] = await manager.query('SELECT id FROM action_plan WHERE title = $1', [plan.title]);
    if (existing) continue;
    const [{ id: planId }] = await manager.query(
      `INSERT INTO action_plan (title, description, co_creation_date, co_creation_method, participants_citizens,
         participants_volunteers, participants_companies, participants_civil_society, participants_staff)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        plan.title,
        plan.description,
        plan.coCreationDate,
        plan.coCreationMethod,
        plan.participants.citizens,
        plan.participants.volunteers,
        plan.participants.companies,
        plan.participants.civilSociety,
        plan.participants.staff,
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
      await insertInitiative(manager, initiative, { planId, goalIds, departmentIds, partnerIds, coCreationDate: plan.coCreationDate });
      result.initiatives += 1;
    }
    result.plans += 1;
  }
  return result;
}

async function insertInitiative(
  manager: EntityManager,
  initiative: DemoInitiative,
  refs: { planId: string; goalIds: Map<string, string>; departmentIds: Map<string, string>; partnerIds: Map<string, string>; coCreationDate: string },
): Promise<void> {
  // The demo data obeys the lifecycle rule like every other path: a reason for a cancellation, no open milestones when completed.
  const lifecycle = decideLifecycle({
    current: null,
    requested: { status: initiative.status, cancellationReason: initiative.cancellationReason },
    openMilestoneCount: initiative.milestones.filter((milestone) => milestone.completedDate === null).length,
  });
  if (!lifecycle.ok) throw new Error(`Demo initiative "${initiative.title}" breaks the lifecycle rule: ${lifecycle.problem}`);
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
  for (const [position, milestone] of initiative.milestones.entries()) {
    await manager.query(
      `INSERT INTO milestone (initiative_id, title, description, due_date, completed_date, weight, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, milestone.title, milestone.description, milestone.dueDate, milestone.completedDate, milestone.weight, position],
    );
  }
  // The demo's texts are the municipality's own: published directly, as management would.
  let baselineHealth = initiative.statusUpdates[0]?.health;
  for (const update of [...initiative.statusUpdates].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))) {
    const publicText = writePublicText(update.publicText, true);
    await manager.query(
      `INSERT INTO status_update (initiative_id, period_start, period_end, health, baseline_health, narrative, blockers, next_steps,
         internal_text, public_text, public_text_state, approved_public_text, author_name, reported_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $14)`,
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
        publicText.approvedPublicText,
        update.authorName,
        update.reportedAt,
      ],
    );
    baselineHealth = update.health;
  }
  for (const link of initiative.partners) {
    // Demo partners consented at the co-creation workshop; the consent rule holds here as on every other path.
    const consent = applyConsentChange(
      null,
      link.publicConsent ? { publicConsent: true, consentGivenOn: refs.coCreationDate, consentMethod: 'workshop' } : {},
      todayIn(MUNICIPAL_TIME_ZONE),
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
}

async function idsBy(manager: EntityManager, sql: string): Promise<Map<string, string>> {
  const rows: { key: string; id: string }[] = await manager.query(sql);
  return new Map(rows.map((row) => [row.key, row.id]));
}

function required(map: Map<string, string>, key: string, kind: string): string {
  const value = map.get(key);
  if (!value) throw new Error(`Demo data refers to an unknown ${kind}: ${key}`);
  return value;
}
