import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { ApiIfMatch, IfMatch, SendsVersionETag } from '../../core/http/versioning';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import { CreateMilestoneDto, MilestoneDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@Controller('initiatives/:initiativeId/milestones')
@ApiProblems(401, 403)
@SendsVersionETag()
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
  create(@CurrentUser() user: AuthenticatedUser, @IdParam('initiativeId') initiativeId: string, @Body() input: CreateMilestoneDto) {
    return this.milestones.create(user, initiativeId, input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: MilestoneDto })
  @ApiProblems(400, 404, 409)
  @ApiIfMatch()
  update(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('initiativeId') initiativeId: string,
    @IdParam() id: string,
    @IfMatch() version: number,
    @Body() input: UpdateMilestoneDto,
  ) {
    return this.milestones.update(user, initiativeId, id, version, input);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404, 409)
  @ApiIfMatch()
  remove(@CurrentUser() user: AuthenticatedUser, @IdParam('initiativeId') initiativeId: string, @IdParam() id: string, @IfMatch() version: number) {
    return this.milestones.remove(user, initiativeId, id, version);
  }
}
