import type { DepartmentRole } from '@fremdrift/contracts';
import { departmentCondition } from '../initiatives/department-condition';

/** Which initiatives the current state covers: a plan, and the dashboard's goal and department filters. */
export interface StateFilter {
  actionPlanId?: string | null;
  goalId?: string;
  department?: string;
  departmentRole?: DepartmentRole;
}

/** The columns of reporting_snapshot_initiative after snapshot_id, in the order the state query gives them. */
export const STATE_COLUMNS = [
  'initiative_id',
  'reference',
  'title',
  'action_plan_id',
  'lead_department_id',
  'lead_department_code',
  'lead_department_name',
  'status',
  'health',
  'progress',
  'expected_progress',
  'latest_public_text',
  'latest_internal_text',
  'milestones_completed',
  'milestones_overdue',
  'delay_cause_da',
  'delay_cause_en',
].join(', ');

/** The newest status update first: the order the initiative's health comes from (StatusUpdatesRepository.latest). */
const NEWEST_FIRST = 'ORDER BY u.period_end DESC, u.reported_at DESC, u.id';

/**
 * Every initiative in the filter as a snapshot freezes it, with the columns of STATE_COLUMNS.
 * Progress, expected progress and overdue milestones come from the SQL twins of the libs/progress
 * rules (fremdrift_progress, fremdrift_expected_progress, fremdrift_milestone_overdue), in percent;
 * `today` is the municipality's date. `bind` adds a parameter and returns its placeholder.
 */
export function currentStateSql(filter: StateFilter, today: string, bind: (value: unknown) => string): string {
  const day = `${bind(today)}::date`;
  const where: string[] = [];
  if (filter.actionPlanId) where.push(`i.action_plan_id = ${bind(filter.actionPlanId)}::uuid`);
  if (filter.goalId) where.push(`i.goal_id = ${bind(filter.goalId)}::uuid`);
  if (filter.department) where.push(departmentCondition(filter.department, filter.departmentRole, bind));
  return `
    SELECT i.id AS initiative_id, i.external_reference AS reference, i.title, i.action_plan_id,
           d.id AS lead_department_id, d.code AS lead_department_code, d.name AS lead_department_name,
           i.status, i.health,
           round(100 * fremdrift_progress(i.status, coalesce(m.milestones, 0), coalesce(m.completed, 0), coalesce(m.total_weight, 0), coalesce(m.completed_weight, 0)), 2) AS progress,
           round(100 * fremdrift_expected_progress(i.start_date, i.target_date, ${day}), 2) AS expected_progress,
           public_text.text AS latest_public_text,
           latest.narrative AS latest_internal_text,
           coalesce(m.completed, 0)::int AS milestones_completed,
           coalesce(m.overdue, 0)::int AS milestones_overdue,
           cause.label_da AS delay_cause_da, cause.label_en AS delay_cause_en
      FROM initiative i
      JOIN department d ON d.id = i.lead_department_id
      LEFT JOIN (
        SELECT initiative_id, count(*) AS milestones, count(completed_date) AS completed, sum(weight) AS total_weight,
               coalesce(sum(weight) FILTER (WHERE completed_date IS NOT NULL), 0) AS completed_weight,
               count(*) FILTER (WHERE fremdrift_milestone_overdue(completed_date, due_date, ${day})) AS overdue
          FROM milestone GROUP BY initiative_id
      ) m ON m.initiative_id = i.id
      LEFT JOIN LATERAL (SELECT u.narrative FROM status_update u WHERE u.initiative_id = i.id ${NEWEST_FIRST} LIMIT 1) latest ON true
      LEFT JOIN LATERAL (
        SELECT u.approved_public_text AS text FROM status_update u WHERE u.initiative_id = i.id AND u.approved_public_text <> '' ${NEWEST_FIRST} LIMIT 1
      ) public_text ON true
      LEFT JOIN LATERAL (
        SELECT c.label_da, c.label_en FROM status_update u JOIN delay_cause c ON c.id = u.delay_cause_id WHERE u.initiative_id = i.id ${NEWEST_FIRST} LIMIT 1
      ) cause ON i.health IN ('at_risk', 'off_track')
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

/** Rows with the columns of STATE_COLUMNS (aliased `s`) as SnapshotInitiative objects. */
export const SNAPSHOT_INITIATIVE_FIELDS = `
  s.initiative_id AS "initiativeId", s.reference, s.title, s.action_plan_id AS "actionPlanId",
  json_build_object('id', s.lead_department_id, 'code', s.lead_department_code, 'name', s.lead_department_name) AS "leadDepartment",
  s.status, s.health, s.progress::float8 AS progress, s.expected_progress::float8 AS "expectedProgress",
  s.latest_public_text AS "latestPublicText", s.latest_internal_text AS "latestInternalText",
  s.milestones_completed AS "milestonesCompleted", s.milestones_overdue AS "milestonesOverdue",
  s.delay_cause_da AS "delayCause",
  CASE WHEN s.delay_cause_da IS NULL THEN NULL ELSE json_build_object('da', s.delay_cause_da, 'en', s.delay_cause_en) END AS "delayCauseLabels"`;
