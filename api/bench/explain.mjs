// node api/bench/explain.mjs [--database-url URL] > plans.md
// EXPLAIN (ANALYZE, BUFFERS) of the dashboard statements and the list queries on whatever the
// bench database holds now (the last size `npm run bench` or `npm run bench:data` generated).
// The list statements are hand-written equivalents of what TypeORM sends for GET /api/initiatives
// (first page of 25, default sort) and of the first statement of the public snapshot.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT, dashboardStatements, openBenchDatabase, parseArgs } from './lib.mjs';

const LIST_STATEMENTS = {
  'GET /api/initiatives: page': [
    `SELECT i.*, lead.id AS lead_id, lead.code, lead.name FROM initiative i INNER JOIN department lead ON lead.id = i.lead_department_id
      ORDER BY i.title ASC NULLS LAST, i.id ASC LIMIT 25 OFFSET 0`,
    [],
  ],
  'GET /api/initiatives: total': [`SELECT count(DISTINCT i.id) FROM initiative i INNER JOIN department lead ON lead.id = i.lead_department_id`, []],
  'GET /api/initiatives: reporting facts of the page': [
    `SELECT i.id AS "initiativeId", p.reporting_period AS period,
            (SELECT to_char(max(u.period_end), 'YYYY-MM-DD') FROM status_update u WHERE u.initiative_id = i.id) AS "lastReportedPeriodEnd"
       FROM initiative i JOIN action_plan p ON p.id = i.action_plan_id
      WHERE i.id = ANY(ARRAY(SELECT id FROM initiative ORDER BY title LIMIT 25))`,
    [],
  ],
  'GET /api/public/initiatives: snapshot (initiatives)': [
    `SELECT i.id, i.title, i.summary, i.public_summary, p.id, p.title, g.id, g.title, json_build_object('id', d.id, 'code', d.code, 'name', d.name),
            i.status, i.health, to_char(i.start_date, 'YYYY-MM-DD'), to_char(i.target_date, 'YYYY-MM-DD'),
            greatest(i.updated_at, (SELECT max(u.updated_at) FROM status_update u WHERE u.initiative_id = i.id AND u.public_text_state = 'approved'),
                     (SELECT max(m.updated_at) FROM milestone m WHERE m.initiative_id = i.id))
       FROM initiative i JOIN action_plan p ON p.id = i.action_plan_id JOIN department d ON d.id = i.lead_department_id
       LEFT JOIN goal g ON g.id = i.goal_id
      WHERE i.published ORDER BY p.title, g.sort_order NULLS LAST, i.title`,
    [],
  ],
};

const args = parseArgs(process.argv.slice(2));
const database = await openBenchDatabase({ databaseUrl: args['database-url'] || process.env.BENCH_DATABASE_URL, log: console.error });
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  const { rows } = await client.query('SELECT count(*)::int AS n FROM initiative');
  console.log(`Plans on ${rows[0].n} initiatives (PostgreSQL ${(await client.query('SHOW server_version')).rows[0].server_version}).\n`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  // One plan's view (counters) and one department's (per-initiative rollups), besides the default view.
  const { DASHBOARD_STATEMENTS, dashboardViewStatements } = createRequire(import.meta.url)(join(ROOT, 'dist/api/dashboard-statements.js'));
  const [{ plan, department }] = (
    await client.query(
      `SELECT (SELECT id FROM action_plan ORDER BY title LIMIT 1) AS plan, (SELECT code FROM department ORDER BY sort_order, name LIMIT 1) AS department`,
    )
  ).rows;
  const view = (label, query) =>
    Object.entries(DASHBOARD_STATEMENTS).map(([name, statement]) => {
      const { sql, params } = statement(query, today);
      return [`GET /api/dashboard?${label}: ${name}`, sql, params];
    });
  const statements = [
    ...Object.entries(dashboardStatements(today)).map(([name, { sql, params }]) => [`GET /api/dashboard: ${name}`, sql, params]),
    // What the API sends for the default view: the same statements as two, run at once on two connections.
    ...(dashboardViewStatements?.({}, today) ?? []).map(({ sql, params }, index, all) => [
      `GET /api/dashboard as sent (${index + 1} of ${all.length})`,
      sql,
      params,
    ]),
    ...view('actionPlanId=…', { actionPlanId: plan }),
    ...view(`department=${department}`, { department }),
    ...Object.entries(LIST_STATEMENTS).map(([name, [sql, params]]) => [name, sql, params]),
  ];
  for (const [name, sql, params] of statements) {
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    console.log(`#### ${name}\n\n\`\`\`\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`);
  }
} finally {
  await client.end();
  await database.stop();
}
