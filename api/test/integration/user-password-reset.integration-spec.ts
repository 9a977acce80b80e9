import { expectInvalidFields, expectProblem, fieldCodes } from '../support/expectations';
import { UNKNOWN_ID } from '../support/factories';
import { TEST_PASSWORD, useTestApp, type TestApp } from '../support/test-app';

const NEW_PASSWORD = 'temporary-password-4821';

describe('An admin resets another user’s password (POST /api/users/:id/password)', () => {
  let t: TestApp;
  useTestApp((started) => ({ t } = started));

  const login = (email: string, password: string) => t.anonymous.post('/api/auth/login', { email, password });
  const sessionsOf = async (userId: string): Promise<number> =>
    (await t.dataSource.query('SELECT count(*)::int AS count FROM user_session WHERE user_id = $1', [userId]))[0].count;

  it('sets the new password, ends all the user’s sessions, and records the change as the admin’s', async () => {
    const lead = await t.signedIn('department_lead');
    expect((await login(lead.user.email, TEST_PASSWORD)).status).toBe(200);
    expect(await sessionsOf(lead.user.id)).toBe(2);

    const response = await t.post(`/api/users/${lead.user.id}/password`, { password: NEW_PASSWORD });
    expect(response.status).toBe(204);

    expect(await sessionsOf(lead.user.id)).toBe(0);
    expect((await lead.get('/api/auth/me')).status).toBe(401);
    expect((await login(lead.user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(lead.user.email, NEW_PASSWORD)).status).toBe(200);
    // The admin stays signed in.
    expect((await t.get('/api/auth/me')).status).toBe(200);

    const events: { actor_id: string; changes: Record<string, unknown> }[] = await t.dataSource.query(
      `SELECT actor_id, changes FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 AND action = 'update' ORDER BY id`,
      [lead.user.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].actor_id).toBe(t.admin.id);
    expect(events[0].changes).toEqual({ password: { before: '[hidden]', after: expect.any(String) } });
    const [{ leaks }] = await t.dataSource.query(
      `SELECT count(*)::int AS leaks FROM audit_event WHERE changes::text LIKE '%argon2%' OR changes::text LIKE $1`,
      [`%${NEW_PASSWORD}%`],
    );
    expect(leaks).toBe(0);
  });

  it.each([
    ['a password of 11 characters', { password: 'x'.repeat(11) }, 'isLength'],
    ['a password that is too long', { password: 'x'.repeat(1000) }, 'isLength'],
    ['no password', {}, 'isString'],
    ['a password that is not text', { password: 123456789012 }, 'isString'],
  ])('rejects %s with 400 on password and changes nothing', async (_, body, code) => {
    const viewer = await t.signedIn('viewer');
    const response = await t.post(`/api/users/${viewer.user.id}/password`, body);
    expectInvalidFields(response, ['password']);
    expect(fieldCodes(response)['password']).toContain(code);
    expect(await sessionsOf(viewer.user.id)).toBe(1);
    expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('rejects an unknown field with 400 on that field', async () => {
    const viewer = await t.signedIn('viewer');
    const response = await t.post(`/api/users/${viewer.user.id}/password`, { password: NEW_PASSWORD, passwordHash: '$argon2id$forged' });
    expectInvalidFields(response, ['passwordHash']);
    expect((await login(viewer.user.email, NEW_PASSWORD)).status).toBe(401);
  });

  it.each(['viewer', 'management', 'department_lead'] as const)('answers 403 to a %s and changes nothing', async (role) => {
    const other = await t.signedIn('viewer');
    const caller = await t.signedIn(role);
    const response = await caller.post(`/api/users/${other.user.id}/password`, { password: NEW_PASSWORD });
    expectProblem(response, 403);
    expect(await sessionsOf(other.user.id)).toBe(1);
    expect((await login(other.user.email, NEW_PASSWORD)).status).toBe(401);
  });

  it('answers 401 to nobody', async () => {
    const viewer = await t.signedIn('viewer');
    expect((await t.anonymous.post(`/api/users/${viewer.user.id}/password`, { password: NEW_PASSWORD })).status).toBe(401);
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    const unknown = await t.post(`/api/users/${UNKNOWN_ID}/password`, { password: NEW_PASSWORD });
    expectProblem(unknown, 404);
    expect((await t.post('/api/users/not-a-uuid/password', { password: NEW_PASSWORD })).status).toBe(400);
  });

  it('refuses the admin’s own account with 409 ownPassword: that goes through /api/auth/password', async () => {
    for (const id of [t.admin.id, t.admin.id.toUpperCase()]) {
      const response = await t.post(`/api/users/${id}/password`, { password: NEW_PASSWORD });
      expectProblem(response, 409);
      expect(response.body.code).toBe('ownPassword');
    }
    expect((await t.get('/api/auth/me')).status).toBe(200);
    expect((await login(t.admin.email, TEST_PASSWORD)).status).toBe(200);
  });
});
