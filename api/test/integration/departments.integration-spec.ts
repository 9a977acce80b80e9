import { type Factories, UNKNOWN_ID } from '../support/factories';
import { fieldMessages } from '../support/expectations';
import { type TestApp, useTestApp } from '../support/test-app';

describe('Departments API', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  it('creates, reads, lists, updates and deletes a department', async () => {
    const created = await t.post('/api/departments', { code: 'MSO', name: 'Sundhed og Omsorg' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'MSO', name: 'Sundhed og Omsorg', sortOrder: 0 });

    expect((await t.get(`/api/departments/${created.body.id}`)).body.name).toBe('Sundhed og Omsorg');

    const list = await t.get('/api/departments');
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    expect(list.body.items[0].code).toBe('MSO');

    const updated = await t.patch(`/api/departments/${created.body.id}`, { name: 'Sundhed & Omsorg' });
    expect(updated.status).toBe(200);
    expect(updated.body.name).toBe('Sundhed & Omsorg');

    expect((await t.delete(`/api/departments/${created.body.id}`)).status).toBe(204);
    expect((await t.get(`/api/departments/${created.body.id}`)).status).toBe(404);
  });

  it('pages the list with a total', async () => {
    for (let i = 0; i < 3; i++) await make.department({ sortOrder: i });
    const page = await t.get('/api/departments?page=2&pageSize=2');
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(1);
  });

  it('rejects an invalid department with a message per field and stores nothing', async () => {
    const before = await t.rowCounts();
    const response = await t.post('/api/departments', { code: 'x', name: '', color: 'red' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(Object.keys(response.body.errors).sort()).toEqual(['code', 'color', 'name']);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('rejects a duplicate code with 409 and names the field', async () => {
    await make.department({ code: 'MBU' });
    const before = await t.rowCounts();
    const response = await t.post('/api/departments', { code: 'MBU', name: 'Noget andet' });
    expect(response.status).toBe(409);
    expect(fieldMessages(response)).toEqual({ code: [expect.stringContaining('unique')] });
    expect(await t.rowCounts()).toEqual(before);
  });

  it('refuses to delete a department that leads an initiative', async () => {
    const { department } = await make.world();
    const before = await t.rowCounts();
    expect((await t.delete(`/api/departments/${department.id}`)).status).toBe(409);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await t.get(`/api/departments/${UNKNOWN_ID}`)).status).toBe(404);
    expect((await t.patch(`/api/departments/${UNKNOWN_ID}`, { name: 'Ny' })).status).toBe(404);
    expect((await t.delete(`/api/departments/${UNKNOWN_ID}`)).status).toBe(404);
    const malformed = await t.get('/api/departments/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(fieldMessages(malformed)).toEqual({ id: ['id must be a UUID'] });
  });

  it('rejects malformed JSON, other media types and bad paging with 4xx problems', async () => {
    expect((await t.send('POST', '/api/departments', '{"code":', 'application/json')).status).toBe(400);
    expect((await t.send('POST', '/api/departments', 'code=MSO', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await t.send('POST', '/api/departments', 'MSO', 'text/plain')).status).toBe(415);
    const paging = await t.get('/api/departments?page=0&pageSize=101');
    expect(paging.status).toBe(400);
    expect(Object.keys(paging.body.errors).sort()).toEqual(['page', 'pageSize']);
  });
});
