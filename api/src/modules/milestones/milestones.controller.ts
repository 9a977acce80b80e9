import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import { CreateMilestoneDto, MilestoneDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@Controller('initiatives/:initiativeId/milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get()
  @ApiOkResponse({ type: PageDto(MilestoneDto) })
  @ApiProblems(400, 404)
  list(@IdParam('initiativeId') initiativeId: string, @Query() query: PageQueryDto) {
    return this.milestones.list(initiativeId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: MilestoneDto })
  @ApiProblems(400, 404)
  get(@IdParam('initiativeId') initiativeId: string, @IdParam() id: string) {
    return this.milestones.get(initiativeId, id);
  }

  @Post()
  @ApiCreatedResponse({ type: MilestoneDto })
  @ApiProblems(400, 404)
  create(@IdParam('initiativeId') initiativeId: string, @Body() input: CreateMilestoneDto) {
    return this.milestones.create(initiativeId, input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: MilestoneDto })
  @ApiProblems(400, 404)
  update(@IdParam('initiativeId') initiativeId: string, @IdParam() id: string, @Body() input: UpdateMilestoneDto) {
    return this.milestones.update(initiativeId, id, input);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  remove(@IdParam('initiativeId') initiativeId: string, @IdParam() id: string) {
    return this.milestones.remove(initiativeId, id);
  }
}
