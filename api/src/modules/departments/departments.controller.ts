import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto, DepartmentDto, UpdateDepartmentDto } from './dto/department.dto';

@ApiTags('departments')
@Controller('departments')
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
  @ApiCreatedResponse({ type: DepartmentDto })
  @ApiProblems(400, 409)
  create(@Body() input: CreateDepartmentDto) {
    return this.departments.create(input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: DepartmentDto })
  @ApiProblems(400, 404, 409)
  update(@IdParam() id: string, @Body() input: UpdateDepartmentDto) {
    return this.departments.update(id, input);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404, 409)
  remove(@IdParam() id: string) {
    return this.departments.remove(id);
  }
}
