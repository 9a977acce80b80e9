import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canManageReferenceData } from '@fremdrift/access';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto, DepartmentDto, UpdateDepartmentDto } from './dto/department.dto';

@ApiTags('departments')
@Controller('departments')
@ApiProblems(401, 403)
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOkResponse({ type: PageDto(DepartmentDto) })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto) {
    return this.departments.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: DepartmentDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string) {
    return this.departments.get(id);
  }

  @Post()
  @RequireAccess(canManageReferenceData)
  @ApiCreatedResponse({ type: DepartmentDto })
  @ApiProblems(400, 409)
  create(@CurrentUser() user: AuthenticatedUser, @Body() input: CreateDepartmentDto) {
    return this.departments.create(user, input);
  }

  @Patch(':id')
  @RequireAccess(canManageReferenceData)
  @ApiOkResponse({ type: DepartmentDto })
  @ApiProblems(400, 404, 409)
  update(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @Body() input: UpdateDepartmentDto) {
    return this.departments.update(user, id, input);
  }

  @Delete(':id')
  @RequireAccess(canManageReferenceData)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404, 409)
  remove(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string) {
    return this.departments.remove(user, id);
  }
}
