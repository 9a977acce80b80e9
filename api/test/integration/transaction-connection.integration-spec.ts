import { SESSION_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import type { FastifyInstance } from 'fastify';
import { Client } from 'pg';
import { type Factories } from '../support/factories';
import { setting, useInitiativeSpec } from '../support/initiative-setting';
import type { TestApp } from '../support/test-app';

/**
 * A transaction has one connection, and a PostgreSQL connection runs one query at a time: reads
 * that go side by side on the pool must go one after another inside a unit of work (pg queues
 * them today with a warning, and refuses them from 9.0 on). An import answers every row from
 * inside its transaction.
 */
describe('One transaction, one query at a time', () => {
  let t: TestApp;
  let make: Factories;
  useInitiativeSpec((started) => ({ t, make } = started));

  it('reads initiatives inside an import’s transaction without overlapping queries on its connection', async () => {
    const original = Client.prototype.query;
    const running = new Map<Client, number>();
    let mostAtOnce = 0;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      running.set(this, (running.get(this) ?? 0) + 1);
      mostAtOnce = Math.max(mostAtOnce, running.get(this) ?? 0);
      const settle = () => void running.set(this, (running.get(this) ?? 1) - 1);
      const answer = (original as (...a: unknown[]) => unknown).apply(this, args);
      if (answer instanceof Promise) answer.then(settle, settle);
      else settle();
      return answer as never;
    });
    try {
      const { plan, lead } = await setting(make);
      const admin = await t.signedIn('admin');
      const csv = `Titel;Handleplan;Ansvarlig afdeling\r\nLæsecafé i biblioteket;${plan.title};${lead.code}\r\n`;
      const response = await (t.app.getHttpAdapter().getInstance() as FastifyInstance).inject({
        method: 'POST',
        url: '/api/initiatives/import?fileName=nyt.csv',
        headers: { cookie: `${SESSION_COOKIE}=${admin.session.token}`, [XSRF_HEADER.toLowerCase()]: admin.session.csrfToken, 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 0 });
      expect(mostAtOnce).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});
