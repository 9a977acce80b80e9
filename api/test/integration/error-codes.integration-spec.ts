import { LIMITS } from '@fremdrift/contracts';
import { expectProblem } from '../support/expectations';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

/** Every error carries a code, and field errors the limits a translation needs. */
describe('Error codes a client can translate', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  it('names the constraint and its limits for a field of the wrong size or kind', async () => {
    const { plan, department } = await make.world();
    const response = await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: department.id, title: 'x', status: 'done', colour: 'red' });
    expectProblem(response, 400);
    expect(response.body.code).toBe('validation');
    expect(response.body.errors).toEqual({
      title: [{ code: 'isLength', params: { min: LIMITS.title.min, max: LIMITS.title.max }, message: expect.any(String) }],
      status: [{ code: 'isIn', params: { values: expect.arrayContaining(['planned', 'in_progress']) }, message: expect.any(String) }],
      colour: [{ code: 'whitelistValidation', message: 'property colour should not exist' }],
    });
  });

  it('names the domain rule a request breaks', async () => {
    const { initiative } = await make.world();
    const drop = await t.post(`/api/initiatives/${initiative.id}/status-updates`, {
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      health: 'at_risk',
      narrative: 'Forsinket.',
    });
    expect(drop.body.errors).toEqual({
      delayCauseId: [{ code: 'healthDropCause', message: expect.any(String) }],
      delayReason: [{ code: 'healthDropReason', params: { min: LIMITS.delayReason.min }, message: expect.any(String) }],
    });
    const order = await t.patch(`/api/initiatives/${initiative.id}`, { startDate: '2026-05-01', targetDate: '2026-04-01' }, { ifMatch: initiative.version });
    expect(order.body.errors.targetDate[0].code).toBe('dateOrder');
  });

  it('gives every kind of refusal its own code', async () => {
    const { department, initiative } = await make.world();
    expect((await t.get(`/api/initiatives/${UNKNOWN_ID}`)).body.code).toBe('notFound');
    expect((await t.anonymous.get('/api/initiatives')).body.code).toBe('unauthorized');
    expect((await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Uden version' })).body.code).toBe('preconditionRequired');
    await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Ændret' }, { ifMatch: initiative.version });
    expect((await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Forældet' }, { ifMatch: initiative.version })).body.code).toBe('staleVersion');
    const duplicate = await t.post('/api/departments', { code: department.code, name: 'En anden' });
    expect(duplicate.body).toMatchObject({ code: 'unique', errors: { code: [{ code: 'unique', message: expect.any(String) }] } });
    const viewer = await t.signedIn('viewer');
    expect((await viewer.post('/api/departments', { code: 'NY', name: 'Ny' })).body.code).toBe('forbidden');
    expect((await t.send('POST', '/api/departments', 'code=NY', 'application/x-www-form-urlencoded')).body.code).toBe('unsupportedMediaType');
    expect((await t.send('POST', '/api/departments', '{"code":', 'application/json')).body.code).toBe('badRequest');
  });
});
