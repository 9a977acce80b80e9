import type { DataSourceOptions } from 'typeorm';
import { ActionPlanEntity } from '../modules/action-plans/action-plan.entity';
import { GoalEntity } from '../modules/action-plans/goal.entity';
import { DepartmentEntity } from '../modules/departments/department.entity';
import { InitiativeEntity } from '../modules/initiatives/initiative.entity';
import { MilestoneEntity } from '../modules/milestones/milestone.entity';
import { InitiativePartnerEntity } from '../modules/partners/initiative-partner.entity';
import { PartnerEntity } from '../modules/partners/partner.entity';
import { StatusUpdateEntity } from '../modules/status-updates/status-update.entity';
import { InitialSchema1795000000000 } from './migrations/1795000000000-InitialSchema';
import { AccountsAndAudit1795000000001 } from './migrations/1795000000001-AccountsAndAudit';
import { LeadWorkspace1795000000002 } from './migrations/1795000000002-LeadWorkspace';
import { DashboardSupport1795000000003 } from './migrations/1795000000003-DashboardSupport';
import { PublicApproval1795000000004 } from './migrations/1795000000004-PublicApproval';
import { RuleFunctions1795000000005 } from './migrations/1795000000005-RuleFunctions';
import { ActionPlanArchive1795000000007 } from './migrations/1795000000007-ActionPlanArchive';
import { InitiativeLifecycleAndReference1795000000008 } from './migrations/1795000000008-InitiativeLifecycleAndReference';
import { PartnerConsent1795000000009 } from './migrations/1795000000009-PartnerConsent';
import { Outbox1795000000010 } from './migrations/1795000000010-Outbox';
import { ReportingCycle1795000000011 } from './migrations/1795000000011-ReportingCycle';
import { DepartmentActive1795000000006 } from './migrations/1795000000006-DepartmentActive';
import { NoChangeUpdate1795000000012 } from './migrations/1795000000012-NoChangeUpdate';
import { SingleSignOn1795000000013 } from './migrations/1795000000013-SingleSignOn';
import { IdentityRoleMappingAudit1795000000014 } from './migrations/1795000000014-IdentityRoleMappingAudit';
import { DashboardRollups1795000000015 } from './migrations/1795000000015-DashboardRollups';
import { DashboardCounters1795000000018 } from './migrations/1795000000018-DashboardCounters';
import { DashboardExpectedCovered1795000000019 } from './migrations/1795000000019-DashboardExpectedCovered';
import { DashboardReportingListed1795000000020 } from './migrations/1795000000020-DashboardReportingListed';
import { PublicFollowers1795000000017 } from './migrations/1795000000017-PublicFollowers';
import { ReportingSnapshots1795000000016 } from './migrations/1795000000016-ReportingSnapshots';
import { DelayCauseEntity } from '../modules/delay-causes/delay-cause.entity';
import { UserEntity } from '../modules/users/user.entity';

export const ENTITIES = [
  DepartmentEntity,
  ActionPlanEntity,
  GoalEntity,
  InitiativeEntity,
  MilestoneEntity,
  StatusUpdateEntity,
  PartnerEntity,
  InitiativePartnerEntity,
  UserEntity,
  DelayCauseEntity,
];

/** Every migration, in order. The schema comes from these alone; `synchronize` stays off. */
export const MIGRATIONS = [
  InitialSchema1795000000000,
  AccountsAndAudit1795000000001,
  LeadWorkspace1795000000002,
  DashboardSupport1795000000003,
  PublicApproval1795000000004,
  RuleFunctions1795000000005,
  ActionPlanArchive1795000000007,
  InitiativeLifecycleAndReference1795000000008,
  PartnerConsent1795000000009,
  Outbox1795000000010,
  ReportingCycle1795000000011,
  DepartmentActive1795000000006,
  NoChangeUpdate1795000000012,
  SingleSignOn1795000000013,
  IdentityRoleMappingAudit1795000000014,
  PublicFollowers1795000000017,
  ReportingSnapshots1795000000016,
  DashboardRollups1795000000015,
  DashboardCounters1795000000018,
  DashboardExpectedCovered1795000000019,
  DashboardReportingListed1795000000020,
];

/** How the app's connections behave; the defaults suit the command line and the seeder. */
export interface ConnectionLimits {
  poolSize: number;
  acquireTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  poolSize: 10,
  acquireTimeoutMs: 5_000,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 10_000,
};

/**
 * No connection waits or holds forever: a request that finds the pool exhausted fails after
 * `acquireTimeoutMs` (answered 503), and PostgreSQL itself ends a runaway statement and a
 * transaction left idle, so that a stuck request cannot keep a connection from everyone else.
 */
export function dataSourceOptions(url: string, limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    poolSize: limits.poolSize,
    extra: {
      connectionTimeoutMillis: limits.acquireTimeoutMs,
      options: `-c statement_timeout=${limits.statementTimeoutMs} -c idle_in_transaction_session_timeout=${limits.idleInTransactionTimeoutMs}`,
    },
  };
}
