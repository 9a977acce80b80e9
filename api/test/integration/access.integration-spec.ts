import type { UserRole } from '@fremdrift/contracts';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../support/test-app';
import { UnsubscribeSigner } from '../../src/modules/reminders/unsubscribe-signer';
import { FollowLinks, newConfirmationToken } from '../../src/modules/follow/follow-links';

/**
 * Every endpoint × every role. The table names who may call each route; the test calls it as each
 * of them and as everyone else, and fails when the app registers a route the table does not cover.
 */

type Who = 'anonymous' | 'viewer' | 'management' | 'leadOfLead' | 'leadOfParticipant' | 'leadOfOther' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'viewer', 'management', 'leadOfLead', 'leadOfParticipant', 'leadOfOther', 'admin'];
const SIGNED_IN = EVERYONE.filter((who) => who !== 'anonymous');

const ALLOWED = {
  public: EVERYONE,
  signedIn: SIGNED_IN,
  admin: ['admin'],
  /** Action plans and their goals: management and admins. */
  planKeepers: ['admin', 'management'],
  /** Partner records are shared: any department lead keeps them. */
  partnerKeepers: ['admin', 'leadOfLead', 'leadOfParticipant', 'leadOfOther'],
  /** The initiative's lead department (and admins): correcting status updates and shared partner records. */
  editors: ['admin', 'leadOfLead'],
  /** The initiative itself, its milestones and partner links: management too, which enters and imports the plan. */
  initiativeKeepers: ['admin', 'management', 'leadOfLead'],
  /** Lead and participating departments report progress. */
  reporters: ['admin', 'leadOfLead', 'leadOfParticipant'],
} satisfies Record<string, Who[]>;

interface World {
  departments: { lead: string; participating: string; other: string; unused: string };
  plan: string;
  emptyPlan: string;
  goal: string;
  initiative: { id: string; version: number };
  milestone: { id: string; version: number };
  statusUpdate: { id: string; version: number };
  linkedPartner: string;
  unlinkedPartner: string;
  delayCause: string;
  roleMapping: { id: string; version: number };
  viewer: { id: string; email: string };
  /** An outbox message that failed, so that an admin may send it again. */
  failedMail: string;
  /** An initiative under way that has not reported, so that management may remind its leads. */
  remindable: string;
  /** The viewer's signed unsubscribe link (path and query). */
  unsubscribe: string;
  /** A citizen's follow request waiting for confirmation, and a signed unsubscribe link for it (paths and queries). */
  follow: { confirm: string; unsubscribe: string };
  clients: Record<Exclude<Who, 'anonymous' | 'admin'>, TestClient>;
}

interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  ifMatch?: number;
  /** Sends `body` as it is, as this media type instead of JSON: a file upload. */
  contentType?: string;
}

interface Case {
  /** The route as the OpenAPI document names it. */
  route: string;
  allowed: Who[];
  success: number;
  request: (w: World) => Request;
  /** What the case checks, when one route has several cases. */
  variant?: string;
  /** An endpoint that streams and never ends: only refusals are checked here (live-updates covers the stream). */
  stream?: true;
}

const init = (w: World) => `/api/initiatives/${w.initiative.id}`;

const CASES: Case[] = [
  { route: 'GET /api/health', allowed: ALLOWED.public, success: 200, request: () => ({ method: 'GET', url: '/api/health' }) },
  {
    route: 'POST /api/auth/login',
    allowed: ALLOWED.public,
    success: 200,
    request: (w) => ({ method: 'POST', url: '/api/auth/login', body: { email: w.viewer.email, password: TEST_PASSWORD } }),
  },
  { route: 'POST /api/auth/logout', allowed: ALLOWED.signedIn, success: 200, request: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  {
    route: 'GET /api/auth/sign-in-options',
    allowed: ALLOWED.public,
    success: 200,
    request: () => ({ method: 'GET', url: '/api/auth/sign-in-options' }),
  },
  {
    route: 'GET /api/identity-role-mappings',
    allowed: ALLOWED.admin,
    success: 200,
    request: () => ({ method: 'GET', url: '/api/identity-role-mappings' }),
  },
  {
    route: 'POST /api/identity-role-mappings',
    allowed: ALLOWED.admin,
    success: 201,
    request: () => ({ method: 'POST', url: '/api/identity-role-mappings', body: { claimValue: 'SG-Fremdrift-Ledelse', role: 'management' } }),
  },
  {
    route: 'PATCH /api/identity-role-mappings/{id}',
    allowed: ALLOWED.admin,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: `/api/identity-role-mappings/${w.roleMapping.id}`, body: { role: 'viewer' }, ifMatch: w.roleMapping.version }),
  },
  {
    route: 'DELETE /api/identity-role-mappings/{id}',
    allowed: ALLOWED.admin,
    success: 204,
    request: (w) => ({ method: 'DELETE', url: `/api/identity-role-mappings/${w.roleMapping.id}`, ifMatch: w.roleMapping.version }),
  },
  { route: 'GET /api/auth/me', allowed: ALLOWED.signedIn, success: 200, request: () => ({ method: 'GET', url: '/api/auth/me' }) },
  // Without OIDC_ISSUER (as here) both send the browser to the sign-in page; oidc-sign-in covers the configured flow.
  { route: 'GET /api/auth/oidc/login', allowed: ALLOWED.public, success: 303, request: () => ({ method: 'GET', url: '/api/auth/oidc/login?returnTo=/' }) },
  {
    route: 'GET /api/auth/oidc/callback',
    allowed: ALLOWED.public,
    success: 303,
    request: () => ({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' }),
  },
  // Without SAML_IDP_METADATA_FILE (as here) there is no metadata and the browser is sent on; saml-sign-in covers the configured flow.
  { route: 'GET /api/auth/saml/metadata', allowed: ALLOWED.public, success: 404, request: () => ({ method: 'GET', url: '/api/auth/saml/metadata' }) },
  { route: 'GET /api/auth/saml/login', allowed: ALLOWED.public, success: 303, request: () => ({ method: 'GET', url: '/api/auth/saml/login?returnTo=/' }) },
  {
    route: 'POST /api/auth/saml/acs',
    allowed: ALLOWED.public,
    success: 303,
    request: () => ({ method: 'POST', url: '/api/auth/saml/acs', body: 'SAMLResponse=eA%3D%3D', contentType: 'application/x-www-form-urlencoded' }),
  },
  {
    route: 'GET /api/auth/saml/logout',
    allowed: ALLOWED.public,
    success: 303,
    request: () => ({ method: 'GET', url: '/api/auth/saml/logout?SAMLResponse=eA%3D%3D' }),
  },
  {
    route: 'POST /api/auth/saml/logout',
    allowed: ALLOWED.public,
    success: 303,
    request: () => ({ method: 'POST', url: '/api/auth/saml/logout', body: 'SAMLResponse=eA%3D%3D', contentType: 'application/x-www-form-urlencoded' }),
  },
  {
    route: 'POST /api/auth/password',
    allowed: ALLOWED.signedIn,
    success: 204,
    request: () => ({ method: 'POST', url: '/api/auth/password', body: { currentPassword: TEST_PASSWORD, newPassword: 'another-password-5678' } }),
  },

  { route: 'GET /api/users', allowed: ALLOWED.admin, success: 200, request: () => ({ method: 'GET', url: '/api/users' }) },
  { route: 'GET /api/users/{id}', allowed: ALLOWED.admin, success: 200, request: (w) => ({ method: 'GET', url: `/api/users/${w.viewer.id}` }) },
  {
    route: 'POST /api/users',
    allowed: ALLOWED.admin,
    success: 201,
    request: () => ({
      method: 'POST',
      url: '/api/users',
      body: { email: 'ny@test.example', displayName: 'Ny Bruger', role: 'viewer', password: 'a-first-password-1' },
    }),
  },
  {
    route: 'PATCH /api/users/{id}',
    allowed: ALLOWED.admin,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: `/api/users/${w.viewer.id}`, body: { role: 'management' } }),
  },
  {
    route: 'POST /api/users/{id}/password',
    allowed: ALLOWED.admin,
    success: 204,
    request: (w) => ({ method: 'POST', url: `/api/users/${w.viewer.id}/password`, body: { password: 'temporary-password-4821' } }),
  },
  { route: 'GET /api/audit-events', allowed: ALLOWED.admin, success: 200, request: () => ({ method: 'GET', url: '/api/audit-events' }) },
  { route: 'GET /api/outbox', allowed: ALLOWED.admin, success: 200, request: () => ({ method: 'GET', url: '/api/outbox' }) },
  { route: 'GET /api/outbox/{id}', allowed: ALLOWED.admin, success: 200, request: (w) => ({ method: 'GET', url: `/api/outbox/${w.failedMail}` }) },
  {
    route: 'POST /api/outbox/{id}/retry',
    allowed: ALLOWED.admin,
    success: 200,
    request: (w) => ({ method: 'POST', url: `/api/outbox/${w.failedMail}/retry` }),
  },
  { route: 'GET /api/jobs', allowed: ALLOWED.admin, success: 200, request: () => ({ method: 'GET', url: '/api/jobs' }) },
  { route: 'POST /api/jobs/{name}/run', allowed: ALLOWED.admin, success: 202, request: () => ({ method: 'POST', url: '/api/jobs/outbox.send/run' }) },
  {
    route: 'GET /api/audit-events/filter-options',
    allowed: ALLOWED.admin,
    success: 200,
    request: () => ({ method: 'GET', url: '/api/audit-events/filter-options' }),
  },
  { route: 'GET /api/initiatives/{id}/history', allowed: ALLOWED.signedIn, success: 200, request: (w) => ({ method: 'GET', url: `${init(w)}/history` }) },

  { route: 'GET /api/departments', allowed: ALLOWED.signedIn, success: 200, request: () => ({ method: 'GET', url: '/api/departments' }) },
  {
    route: 'GET /api/departments/{id}',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: (w) => ({ method: 'GET', url: `/api/departments/${w.departments.lead}` }),
  },
  {
    route: 'POST /api/departments',
    allowed: ALLOWED.admin,
    success: 201,
    request: () => ({ method: 'POST', url: '/api/departments', body: { code: 'NY', name: 'Ny afdeling' } }),
  },
  {
    route: 'PATCH /api/departments/{id}',
    allowed: ALLOWED.admin,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: `/api/departments/${w.departments.lead}`, body: { name: 'Omdøbt afdeling' } }),
  },
  {
    route: 'DELETE /api/departments/{id}',
    allowed: ALLOWED.admin,
    success: 204,
    request: (w) => ({ method: 'DELETE', url: `/api/departments/${w.departments.unused}` }),
  },

  { route: 'GET /api/action-plans', allowed: ALLOWED.signedIn, success: 200, request: () => ({ method: 'GET', url: '/api/action-plans' }) },
  { route: 'GET /api/action-plans/{id}', allowed: ALLOWED.signedIn, success: 200, request: (w) => ({ method: 'GET', url: `/api/action-plans/${w.plan}` }) },
  {
    route: 'POST /api/action-plans',
    allowed: ALLOWED.planKeepers,
    success: 201,
    request: () => ({ method: 'POST', url: '/api/action-plans', body: { title: 'En ny handleplan' } }),
  },
  {
    route: 'PATCH /api/action-plans/{id}',
    allowed: ALLOWED.planKeepers,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: `/api/action-plans/${w.plan}`, body: { description: 'Ny beskrivelse' } }),
  },
  {
    route: 'DELETE /api/action-plans/{id}',
    allowed: ALLOWED.planKeepers,
    success: 204,
    request: (w) => ({ method: 'DELETE', url: `/api/action-plans/${w.emptyPlan}` }),
  },
  {
    route: 'GET /api/action-plans/{id}/goals',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: (w) => ({ method: 'GET', url: `/api/action-plans/${w.plan}/goals` }),
  },
  {
    route: 'POST /api/action-plans/{id}/goals',
    allowed: ALLOWED.planKeepers,
    success: 201,
    request: (w) => ({ method: 'POST', url: `/api/action-plans/${w.plan}/goals`, body: { title: 'Et nyt mål' } }),
  },
  {
    route: 'PATCH /api/action-plans/{id}/goals/{goalId}',
    allowed: ALLOWED.planKeepers,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: `/api/action-plans/${w.plan}/goals/${w.goal}`, body: { description: 'Uddybet' } }),
  },
  {
    route: 'DELETE /api/action-plans/{id}/goals/{goalId}',
    allowed: ALLOWED.planKeepers,
    success: 204,
    request: (w) => ({ method: 'DELETE', url: `/api/action-plans/${w.plan}/goals/${w.goal}` }),
  },

  { route: 'GET /api/initiatives', allowed: ALLOWED.signedIn, success: 200, request: () => ({ method: 'GET', url: '/api/initiatives' }) },
  { route: 'GET /api/initiatives/{id}', allowed: ALLOWED.signedIn, success: 200, request: (w) => ({ method: 'GET', url: init(w) }) },
  {
    route: 'POST /api/initiatives',
    variant: 'led by the caller’s department',
    allowed: ['admin', 'management', 'leadOfLead'],
    success: 201,
    request: (w) => ({
      method: 'POST',
      url: '/api/initiatives',
      body: { title: 'Nyt initiativ', actionPlanId: w.plan, leadDepartmentId: w.departments.lead },
    }),
  },
  {
    route: 'PATCH /api/initiatives/{id}',
    allowed: ALLOWED.initiativeKeepers,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: init(w), body: { health: 'at_risk' }, ifMatch: w.initiative.version }),
  },
  {
    route: 'DELETE /api/initiatives/{id}',
    allowed: ALLOWED.admin,
    success: 204,
    request: (w) => ({ method: 'DELETE', url: init(w), ifMatch: w.initiative.version }),
  },

  {
    route: 'GET /api/initiatives/{initiativeId}/milestones',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: (w) => ({ method: 'GET', url: `${init(w)}/milestones` }),
  },
  {
    route: 'GET /api/initiatives/{initiativeId}/milestones/{id}',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: (w) => ({ method: 'GET', url: `${init(w)}/milestones/${w.milestone.id}` }),
  },
  {
    route: 'POST /api/initiatives/{initiativeId}/milestones',
    allowed: ALLOWED.initiativeKeepers,
    success: 201,
    request: (w) => ({ method: 'POST', url: `${init(w)}/milestones`, body: { title: 'Ny milepæl' } }),
  },
  {
    route: 'PATCH /api/initiatives/{initiativeId}/milestones/{id}',
    variant: 'recording progress',
    allowed: ALLOWED.reporters,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: `${init(w)}/milestones/${w.milestone.id}`, body: { completedDate: '2020-01-15' }, ifMatch: w.milestone.version }),
  },
  {
    route: 'PATCH /api/initiatives/{initiativeId}/milestones/{id}',
    variant: 'changing the plan',
    allowed: ALLOWED.initiativeKeepers,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: `${init(w)}/milestones/${w.milestone.id}`, body: { title: 'Omdøbt milepæl' }, ifMatch: w.milestone.version }),
  },
  {
    route: 'DELETE /api/initiatives/{initiativeId}/milestones/{id}',
    allowed: ALLOWED.initiativeKeepers,
    success: 204,
    request: (w) => ({ method: 'DELETE', url: `${init(w)}/milestones/${w.milestone.id}`, ifMatch: w.milestone.version }),
  },

  {
    route: 'GET /api/initiatives/{initiativeId}/status-updates',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: (w) => ({ method: 'GET', url: `${init(w)}/status-updates` }),
  },
  {
    route: 'GET /api/initiatives/{initiativeId}/status-updates/{id}',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: (w) => ({ method: 'GET', url: `${init(w)}/status-updates/${w.statusUpdate.id}` }),
  },
  {
    route: 'POST /api/initiatives/{initiativeId}/status-updates',
    allowed: ALLOWED.reporters,
    success: 201,
    request: (w) => ({
      method: 'POST',
      url: `${init(w)}/status-updates`,
      body: { periodStart: '2026-10-01', periodEnd: '2026-10-31', health: 'on_track', narrative: 'Godt på vej.' },
    }),
  },
  {
    route: 'POST /api/initiatives/{initiativeId}/status-updates/no-change',
    allowed: ALLOWED.reporters,
    success: 201,
    request: (w) => ({ method: 'POST', url: `${init(w)}/status-updates/no-change`, body: {} }),
  },
  {
    route: 'PATCH /api/initiatives/{initiativeId}/status-updates/{id}',
    allowed: ALLOWED.editors,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: `${init(w)}/status-updates/${w.statusUpdate.id}`, body: { blockers: 'Ingen' }, ifMatch: w.statusUpdate.version }),
  },
  {
    route: 'DELETE /api/initiatives/{initiativeId}/status-updates/{id}',
    allowed: ALLOWED.editors,
    success: 204,
    request: (w) => ({ method: 'DELETE', url: `${init(w)}/status-updates/${w.statusUpdate.id}`, ifMatch: w.statusUpdate.version }),
  },

  {
    route: 'POST /api/initiatives/{initiativeId}/status-updates/{id}/review',
    allowed: ['admin', 'management'],
    success: 200,
    request: (w) => ({
      method: 'POST',
      url: `${init(w)}/status-updates/${w.statusUpdate.id}/review`,
      body: { decision: 'approve' },
      ifMatch: w.statusUpdate.version,
    }),
  },
  {
    route: 'POST /api/initiatives/{id}/public-review',
    allowed: ['admin', 'management'],
    success: 200,
    request: (w) => ({ method: 'POST', url: `${init(w)}/public-review`, body: { decision: 'approve' }, ifMatch: w.initiative.version }),
  },
  { route: 'GET /api/approvals', allowed: ['admin', 'management'], success: 200, request: () => ({ method: 'GET', url: '/api/approvals' }) },
  {
    route: 'GET /api/dashboard',
    allowed: ['admin', 'management', 'viewer'],
    success: 200,
    request: (w) => ({ method: 'GET', url: `/api/dashboard?actionPlanId=${w.plan}` }),
  },
  {
    route: 'GET /api/dashboard/events',
    allowed: ['admin', 'management', 'viewer'],
    success: 200,
    stream: true,
    request: () => ({ method: 'GET', url: '/api/dashboard/events' }),
  },
  {
    route: 'GET /api/dashboard/export.xlsx',
    allowed: ['admin', 'management'],
    success: 200,
    request: () => ({ method: 'GET', url: '/api/dashboard/export.xlsx' }),
  },
  {
    route: 'GET /api/dashboard/export.csv',
    allowed: ['admin', 'management'],
    success: 200,
    request: () => ({ method: 'GET', url: '/api/dashboard/export.csv' }),
  },
  {
    route: 'POST /api/reporting-snapshots',
    allowed: ['admin', 'management'],
    success: 201,
    request: (w) => ({ method: 'POST', url: '/api/reporting-snapshots', body: { name: 'Status pr. 1. oktober', actionPlanId: w.plan } }),
  },
  {
    route: 'GET /api/reporting-snapshots',
    allowed: ['admin', 'management', 'viewer'],
    success: 200,
    request: () => ({ method: 'GET', url: '/api/reporting-snapshots' }),
  },
  {
    route: 'GET /api/reporting-snapshots/{id}',
    variant: 'access is decided before existence',
    allowed: ['admin', 'management', 'viewer'],
    success: 404,
    request: () => ({ method: 'GET', url: '/api/reporting-snapshots/00000000-0000-4000-8000-000000000000' }),
  },
  {
    route: 'GET /api/reporting-snapshots/{id}/diff',
    variant: 'access is decided before existence',
    allowed: ['admin', 'management', 'viewer'],
    success: 404,
    request: () => ({ method: 'GET', url: '/api/reporting-snapshots/00000000-0000-4000-8000-000000000000/diff?to=now' }),
  },
  {
    route: 'GET /api/initiatives/export',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: () => ({ method: 'GET', url: '/api/initiatives/export?format=csv' }),
  },
  {
    route: 'GET /api/initiatives/import/template',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: () => ({ method: 'GET', url: '/api/initiatives/import/template' }),
  },
  {
    route: 'POST /api/initiatives/import',
    allowed: ['admin', 'management'],
    success: 200,
    request: () => ({ method: 'POST', url: '/api/initiatives/import', body: 'Titel\r\nNyt initiativ', contentType: 'text/csv' }),
  },
  { route: 'GET /api/delay-causes', allowed: ALLOWED.signedIn, success: 200, request: () => ({ method: 'GET', url: '/api/delay-causes' }) },
  {
    route: 'POST /api/delay-causes',
    allowed: ALLOWED.admin,
    success: 201,
    request: () => ({ method: 'POST', url: '/api/delay-causes', body: { code: 'staffing', labelDa: 'Bemanding', labelEn: 'Staffing' } }),
  },
  {
    route: 'PATCH /api/delay-causes/{id}',
    allowed: ALLOWED.admin,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: `/api/delay-causes/${w.delayCause}`, body: { active: false } }),
  },

  { route: 'GET /api/public/initiatives', allowed: ALLOWED.public, success: 200, request: () => ({ method: 'GET', url: '/api/public/initiatives' }) },
  { route: 'GET /api/public/initiatives.csv', allowed: ALLOWED.public, success: 200, request: () => ({ method: 'GET', url: '/api/public/initiatives.csv' }) },
  { route: 'GET /api/public/initiatives.json', allowed: ALLOWED.public, success: 200, request: () => ({ method: 'GET', url: '/api/public/initiatives.json' }) },
  {
    route: 'GET /api/public/initiatives/{id}',
    variant: 'unpublished: the same 404 for everyone',
    allowed: ALLOWED.public,
    success: 404,
    request: (w) => ({ method: 'GET', url: `/api/public/initiatives/${w.initiative.id}` }),
  },
  { route: 'GET /api/public/action-plans', allowed: ALLOWED.public, success: 200, request: () => ({ method: 'GET', url: '/api/public/action-plans' }) },
  {
    route: 'GET /api/public/action-plans/{id}',
    allowed: ALLOWED.public,
    success: 200,
    request: (w) => ({ method: 'GET', url: `/api/public/action-plans/${w.plan}` }),
  },
  { route: 'GET /api/public/feed.atom', allowed: ALLOWED.public, success: 200, request: () => ({ method: 'GET', url: '/api/public/feed.atom' }) },
  { route: 'GET /api/public/dcat/catalog', allowed: ALLOWED.public, success: 200, request: () => ({ method: 'GET', url: '/api/public/dcat/catalog' }) },
  { route: 'GET /api/public/dcat/catalog.ttl', allowed: ALLOWED.public, success: 200, request: () => ({ method: 'GET', url: '/api/public/dcat/catalog.ttl' }) },
  {
    route: 'GET /api/public/dcat/catalog.jsonld',
    allowed: ALLOWED.public,
    success: 200,
    request: () => ({ method: 'GET', url: '/api/public/dcat/catalog.jsonld' }),
  },
  { route: 'GET /api/public/site', allowed: ALLOWED.public, success: 200, request: () => ({ method: 'GET', url: '/api/public/site' }) },
  {
    route: 'GET /api/public/action-plans/{id}/feed.atom',
    allowed: ALLOWED.public,
    success: 200,
    request: (w) => ({ method: 'GET', url: `/api/public/action-plans/${w.plan}/feed.atom` }),
  },
  { route: 'GET /api/partners', allowed: ALLOWED.signedIn, success: 200, request: () => ({ method: 'GET', url: '/api/partners' }) },
  { route: 'GET /api/partners/{id}', allowed: ALLOWED.signedIn, success: 200, request: (w) => ({ method: 'GET', url: `/api/partners/${w.linkedPartner}` }) },
  {
    route: 'POST /api/partners',
    allowed: ALLOWED.partnerKeepers,
    success: 201,
    request: () => ({ method: 'POST', url: '/api/partners', body: { name: 'Ny forening', type: 'civil_society_association' } }),
  },
  {
    route: 'PATCH /api/partners/{id}',
    // The partner takes part in an initiative of the lead department only.
    allowed: ALLOWED.editors,
    success: 200,
    request: (w) => ({ method: 'PATCH', url: `/api/partners/${w.linkedPartner}`, body: { description: 'Opdateret' } }),
  },
  {
    route: 'POST /api/partners/{id}/merge',
    allowed: ALLOWED.admin,
    success: 200,
    request: (w) => ({ method: 'POST', url: `/api/partners/${w.linkedPartner}/merge`, body: { duplicateId: w.unlinkedPartner } }),
  },
  {
    route: 'DELETE /api/partners/{id}',
    allowed: ALLOWED.admin,
    success: 204,
    request: (w) => ({ method: 'DELETE', url: `/api/partners/${w.unlinkedPartner}` }),
  },
  {
    route: 'GET /api/initiatives/{initiativeId}/partners',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: (w) => ({ method: 'GET', url: `${init(w)}/partners` }),
  },
  {
    route: 'GET /api/reminders/initiatives/{id}',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: (w) => ({ method: 'GET', url: `/api/reminders/initiatives/${w.remindable}` }),
  },
  {
    route: 'POST /api/reminders/initiatives/{id}',
    allowed: ALLOWED.planKeepers,
    success: 200,
    request: (w) => ({ method: 'POST', url: `/api/reminders/initiatives/${w.remindable}` }),
  },
  { route: 'GET /api/reminders/unsubscribe', allowed: ALLOWED.public, success: 200, request: (w) => ({ method: 'GET', url: w.unsubscribe }) },
  { route: 'POST /api/reminders/unsubscribe', allowed: ALLOWED.public, success: 200, request: (w) => ({ method: 'POST', url: w.unsubscribe }) },
  {
    route: 'POST /api/public/follow',
    allowed: ALLOWED.public,
    success: 202,
    request: (w) => ({
      method: 'POST',
      url: '/api/public/follow',
      body: { email: `borger-${Math.random().toString(36).slice(2)}@test.example`, actionPlanId: w.plan, language: 'da' },
    }),
  },
  { route: 'GET /api/public/follow/confirm', allowed: ALLOWED.public, success: 200, request: (w) => ({ method: 'GET', url: w.follow.confirm }) },
  { route: 'POST /api/public/follow/confirm', allowed: ALLOWED.public, success: 200, request: (w) => ({ method: 'POST', url: w.follow.confirm }) },
  { route: 'GET /api/public/follow/unsubscribe', allowed: ALLOWED.public, success: 200, request: (w) => ({ method: 'GET', url: w.follow.unsubscribe }) },
  { route: 'POST /api/public/follow/unsubscribe', allowed: ALLOWED.public, success: 200, request: (w) => ({ method: 'POST', url: w.follow.unsubscribe }) },
  { route: 'GET /api/account/mail-settings', allowed: ALLOWED.signedIn, success: 200, request: () => ({ method: 'GET', url: '/api/account/mail-settings' }) },
  {
    route: 'PATCH /api/account/mail-settings',
    allowed: ALLOWED.signedIn,
    success: 200,
    request: () => ({ method: 'PATCH', url: '/api/account/mail-settings', body: { digestEnabled: false } }),
  },
  {
    route: 'PUT /api/initiatives/{initiativeId}/partners/{partnerId}',
    allowed: ALLOWED.initiativeKeepers,
    success: 200,
    request: (w) => ({
      method: 'PUT',
      url: `${init(w)}/partners/${w.unlinkedPartner}`,
      body: { role: 'Medarrangør', publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: 'workshop' },
    }),
  },
  {
    route: 'DELETE /api/initiatives/{initiativeId}/partners/{partnerId}',
    allowed: ALLOWED.initiativeKeepers,
    success: 204,
    request: (w) => ({ method: 'DELETE', url: `${init(w)}/partners/${w.linkedPartner}` }),
  },
];

describe('Access to every endpoint by every role', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function buildWorld(): Promise<World> {
    await t.reset();
    const ok = async (response: Promise<{ status: number; body: any }>) => {
      const result = await response;
      if (result.status >= 300) throw new Error(`Setting up failed: ${result.status} ${JSON.stringify(result.body)}`);
      return result.body;
    };
    const [lead, participating, other, unused] = await Promise.all(
      ['LEAD', 'PART', 'OTHER', 'UNUSED'].map((code) => ok(t.post('/api/departments', { code, name: `Afdeling ${code}` }))),
    );
    const plan = await ok(t.post('/api/action-plans', { title: 'Handleplan', goals: [{ title: 'Et sundt og aktivt liv' }] }));
    const emptyPlan = await ok(t.post('/api/action-plans', { title: 'Tom handleplan' }));
    const initiative = await ok(
      t.post('/api/initiatives', {
        title: 'Sprogpraktik',
        actionPlanId: plan.id,
        goalId: plan.goals[0].id,
        leadDepartmentId: lead.id,
        participatingDepartmentIds: [participating.id],
      }),
    );
    const milestone = await ok(t.post(`/api/initiatives/${initiative.id}/milestones`, { title: 'Første aftale' }));
    const linkedPartner = await ok(t.post('/api/partners', { name: 'Frivillignet', type: 'volunteer_organisation' }));
    const unlinkedPartner = await ok(t.post('/api/partners', { name: 'Virksomhed A/S', type: 'company' }));
    await ok(t.put(`/api/initiatives/${initiative.id}/partners/${linkedPartner.id}`, { role: 'Mentorer' }));
    const signedIn = (role: UserRole, departmentIds: string[] = []) => t.signedIn(role, departmentIds);
    const [viewer, management, leadOfLead, leadOfParticipant, leadOfOther] = await Promise.all([
      signedIn('viewer'),
      signedIn('management'),
      signedIn('department_lead', [lead.id]),
      signedIn('department_lead', [participating.id]),
      signedIn('department_lead', [other.id]),
    ]);
    // Written by a lead, so that the public text and the public summary wait for approval.
    const statusUpdate = await ok(
      leadOfLead.post(`/api/initiatives/${initiative.id}/status-updates`, {
        periodStart: '2026-09-01',
        periodEnd: '2026-09-30',
        health: 'on_track',
        narrative: 'Start',
        publicText: 'Arbejdet er begyndt.',
      }),
    );
    await ok(leadOfLead.patch(`/api/initiatives/${initiative.id}`, { publicSummary: 'Sprogpraktik i lokale virksomheder.' }, { ifMatch: initiative.version }));
    const current = async (url: string) => ({ id: url.split('/').pop() as string, version: (await ok(t.get(url))).version });
    const [failedMail] = await t.dataSource.query(
      `INSERT INTO outbox_message (idempotency_key, kind, "to", language, subject, text, html, state, attempts)
       VALUES ('access:failed', 'reminder', 'leder@test.example', 'da', 'Påmindelse', 'Tekst', '<p>Tekst</p>', 'failed', 5) RETURNING id`,
    );
    return {
      departments: { lead: lead.id, participating: participating.id, other: other.id, unused: unused.id },
      plan: plan.id,
      emptyPlan: emptyPlan.id,
      goal: plan.goals[0].id,
      initiative: await current(`/api/initiatives/${initiative.id}`),
      milestone: { id: milestone.id, version: milestone.version },
      statusUpdate: { id: statusUpdate.id, version: statusUpdate.version },
      linkedPartner: linkedPartner.id,
      unlinkedPartner: unlinkedPartner.id,
      delayCause: (await ok(t.get('/api/delay-causes')))[0].id,
      roleMapping: await ok(t.post('/api/identity-role-mappings', { claimValue: 'SG-Fremdrift-MSO', role: 'department_lead', departmentId: lead.id })),
      viewer: viewer.user,
      failedMail: failedMail.id,
      remindable: (
        await ok(
          t.post('/api/initiatives', { title: 'Påmindes', actionPlanId: plan.id, leadDepartmentId: lead.id, status: 'in_progress', startDate: '2025-01-01' }),
        )
      ).id,
      unsubscribe: await (async () => {
        const url = new URL(await t.app.get(UnsubscribeSigner).url(viewer.user.id, 'reminders'));
        return `${url.pathname}${url.search}`;
      })(),
      follow: await (async () => {
        const { token, hash } = newConfirmationToken();
        const [{ id }] = await t.dataSource.query(
          `INSERT INTO follow_subscription (email, action_plan_id, language, confirmation_token_hash) VALUES ('borger@test.example', $1, 'da', $2) RETURNING id`,
          [plan.id, hash],
        );
        return {
          confirm: `/api/public/follow/confirm?token=${token}`,
          unsubscribe: `/api/public/follow/unsubscribe?token=${await t.app.get(FollowLinks).unsubscribeToken(id)}`,
        };
      })(),
      clients: { viewer, management, leadOfLead, leadOfParticipant, leadOfOther },
    };
  }

  const clientOf = (who: Who, w: World): TestClient => (who === 'anonymous' ? t.anonymous : who === 'admin' ? t : w.clients[who]);

  function send(client: TestClient, request: Request) {
    const options = request.ifMatch !== undefined ? { ifMatch: request.ifMatch } : {};
    switch (request.method) {
      case 'GET':
        return client.get(request.url, options);
      case 'POST':
        if (request.contentType) return client.send('POST', request.url, String(request.body), request.contentType);
        return client.post(request.url, request.body ?? {}, options);
      case 'PATCH':
        return client.patch(request.url, request.body ?? {}, options);
      case 'PUT':
        return client.put(request.url, request.body ?? {}, options);
      case 'DELETE':
        return client.delete(request.url, options);
    }
  }

  it('covers every route the API documents, and nothing else', async () => {
    const document = (await t.get('/api/docs-json')).body;
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(CASES.map((c) => c.route))).toEqual(new Set(documented));
  });

  describe.each(CASES.map((c) => [c.variant ? `${c.route} (${c.variant})` : c.route, c] as const))('%s', (_name, testCase) => {
    it('refuses everyone else, with 401 without a session and 403 with one, and changes nothing', async () => {
      const world = await buildWorld();
      const before = await t.rowCounts();
      for (const who of EVERYONE.filter((w) => !testCase.allowed.includes(w))) {
        const response = await send(clientOf(who, world), testCase.request(world));
        expect({ who, status: response.status }).toEqual({ who, status: who === 'anonymous' ? 401 : 403 });
      }
      expect(await t.rowCounts()).toEqual(before);
    });

    const allowedCases = testCase.stream ? [] : testCase.allowed;
    if (allowedCases.length > 0)
      it.each(allowedCases)('lets %s through', async (who) => {
        const world = await buildWorld();
        const response = await send(clientOf(who, world), testCase.request(world));
        expect({ who, status: response.status, body: response.status === testCase.success ? undefined : response.body }).toEqual({
          who,
          status: testCase.success,
          body: undefined,
        });
      });
  });
});
