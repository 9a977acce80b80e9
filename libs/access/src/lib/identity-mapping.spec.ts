import { canManageIdentityMappings, mapIdentityRoles, type AssertedRole, type RoleMappingRule } from './identity-mapping';

const MSO = 'dept-mso';
const MBU = 'dept-mbu';

const group = (value: string): AssertedRole => ({ value, unit: null });
const rule = (
  claimValue: string,
  role: RoleMappingRule['role'],
  departmentId: string | null = null,
  unitConstraint: string | null = null,
): RoleMappingRule => ({
  claimValue,
  unitConstraint,
  role,
  departmentId,
});

describe('mapIdentityRoles', () => {
  const mappings = [
    rule('SG-Fremdrift-Ledelse', 'management'),
    rule('SG-Fremdrift-Admin', 'admin'),
    rule('SG-Fremdrift-Laeser', 'viewer'),
    rule('SG-Fremdrift-MSO', 'department_lead', MSO),
    rule('SG-Fremdrift-MBU', 'department_lead', MBU),
  ];

  it('gives the role of the mapping whose value a group equals', () => {
    expect(mapIdentityRoles([group('SG-Fremdrift-Ledelse')], mappings)).toEqual({ role: 'management', departmentIds: [] });
    expect(mapIdentityRoles([group('SG-Fremdrift-MSO')], mappings)).toEqual({ role: 'department_lead', departmentIds: [MSO] });
  });

  it('refuses access when no mapping matches, or when there are no groups at all', () => {
    expect(mapIdentityRoles([group('SG-Alle-Medarbejdere')], mappings)).toBeNull();
    expect(mapIdentityRoles([], mappings)).toBeNull();
    expect(mapIdentityRoles([group('SG-Fremdrift-Ledelse')], [])).toBeNull();
  });

  it('compares values without regard to case or surrounding spaces, URIs included', () => {
    expect(mapIdentityRoles([group('sg-fremdrift-ledelse')], mappings)?.role).toBe('management');
    expect(mapIdentityRoles([group('  SG-FREMDRIFT-LEDELSE ')], mappings)?.role).toBe('management');
    const uri = [rule('http://fremdrift.aarhus.dk/roles/jobrole/ledelse/1', 'management')];
    expect(mapIdentityRoles([group('HTTP://Fremdrift.Aarhus.dk/Roles/JobRole/Ledelse/1')], uri)?.role).toBe('management');
    expect(mapIdentityRoles([group('http://fremdrift.aarhus.dk/roles/jobrole/ledelse/2')], uri)).toBeNull();
  });

  it('does not match on part of a value', () => {
    expect(mapIdentityRoles([group('SG-Fremdrift')], mappings)).toBeNull();
    expect(mapIdentityRoles([group('SG-Fremdrift-Ledelse-Gammel')], mappings)).toBeNull();
  });

  it('gives the most privileged role when several mappings match: admin, management, department lead, viewer', () => {
    expect(mapIdentityRoles([group('SG-Fremdrift-Laeser'), group('SG-Fremdrift-MSO')], mappings)).toEqual({ role: 'department_lead', departmentIds: [MSO] });
    expect(mapIdentityRoles([group('SG-Fremdrift-MSO'), group('SG-Fremdrift-Ledelse')], mappings)).toEqual({ role: 'management', departmentIds: [] });
    expect(mapIdentityRoles([group('SG-Fremdrift-Ledelse'), group('SG-Fremdrift-Admin'), group('SG-Fremdrift-Laeser')], mappings)?.role).toBe('admin');
  });

  it('makes a department lead the lead of every department of the matching lead mappings, each once', () => {
    const twice = [...mappings, rule('SG-Sundhed-Ledere', 'department_lead', MSO)];
    expect(mapIdentityRoles([group('SG-Fremdrift-MSO'), group('SG-Fremdrift-MBU'), group('SG-Sundhed-Ledere')], twice)).toEqual({
      role: 'department_lead',
      departmentIds: [MSO, MBU],
    });
  });

  describe('KOMBIT job-function roles constrained to an organisation unit', () => {
    const LEAD = 'http://aarhus.dk/roles/jobrole/fremdrift-afdelingsleder/1';
    const UNIT_MSO = '5d7e0c1a-4f8e-4b7a-9c1e-0a1b2c3d4e5f';
    const UNIT_MBU = '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
    const kombit = [rule(LEAD, 'department_lead', MSO, UNIT_MSO), rule(LEAD, 'department_lead', MBU, UNIT_MBU)];

    it('makes "Fremdrift afdelingsleder" constrained to unit Y the lead of the department mapped for Y', () => {
      expect(mapIdentityRoles([{ value: LEAD, unit: UNIT_MSO }], kombit)).toEqual({ role: 'department_lead', departmentIds: [MSO] });
      expect(mapIdentityRoles([{ value: LEAD, unit: UNIT_MBU.toUpperCase() }], kombit)).toEqual({ role: 'department_lead', departmentIds: [MBU] });
    });

    it('leads both departments when the role is assigned for both units', () => {
      expect(
        mapIdentityRoles(
          [
            { value: LEAD, unit: UNIT_MSO },
            { value: LEAD, unit: UNIT_MBU },
          ],
          kombit,
        ),
      ).toEqual({
        role: 'department_lead',
        departmentIds: [MSO, MBU],
      });
    });

    it('gives nothing for the role without a unit, or for a unit no mapping names', () => {
      expect(mapIdentityRoles([{ value: LEAD, unit: null }], kombit)).toBeNull();
      expect(mapIdentityRoles([{ value: LEAD, unit: 'another-unit' }], kombit)).toBeNull();
    });

    it('applies a mapping without a unit constraint whatever unit the role carries', () => {
      const unconstrained = [rule('http://aarhus.dk/roles/jobrole/fremdrift-laeser/1', 'viewer')];
      expect(mapIdentityRoles([{ value: 'http://aarhus.dk/roles/jobrole/fremdrift-laeser/1', unit: UNIT_MSO }], unconstrained)?.role).toBe('viewer');
    });
  });
});

describe('canManageIdentityMappings', () => {
  it('lets only admins change who gets which role', () => {
    expect(canManageIdentityMappings({ role: 'admin', departmentIds: [] })).toBe(true);
    for (const role of ['management', 'department_lead', 'viewer'] as const) {
      expect(canManageIdentityMappings({ role, departmentIds: [MSO] })).toBe(false);
    }
  });
});
