import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTMENT_ROLES } from '@fremdrift/contracts';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

/** The `department` query parameter: a department's id or its short code. */
export const DepartmentParameter = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'Department id or short code (e.g. MSO): initiatives it leads or takes part in' }),
    IsOptional(),
    IsString(),
    Matches(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-zÆØÅæøå0-9]{2,10})$/i, {
      message: 'department must be a department id or code',
    }),
  );

/** The `departmentRole` query parameter: which part the department plays. */
export const DepartmentRoleParameter = () =>
  applyDecorators(ApiPropertyOptional({ enum: DEPARTMENT_ROLES, default: 'any' }), IsOptional(), IsIn(DEPARTMENT_ROLES));
