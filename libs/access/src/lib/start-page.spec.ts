import { USER_ROLES } from '@fremdrift/contracts';
import { startPageFor } from './start-page';

describe('startPageFor', () => {
  it('starts department leads with their own initiatives', () => {
    expect(startPageFor('department_lead')).toBe('/mine');
  });

  it('starts management with the dashboard', () => {
    expect(startPageFor('management')).toBe('/dashboard');
  });

  it('starts admins and viewers with all initiatives', () => {
    expect(startPageFor('admin')).toBe('/initiativer');
    expect(startPageFor('viewer')).toBe('/initiativer');
  });

  it('gives every role a page of the app, never the public front page', () => {
    for (const role of USER_ROLES) expect(startPageFor(role)).toMatch(/^\/[a-z]+$/);
  });
});
