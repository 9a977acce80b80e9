import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canApprovePublicTexts } from '@fremdrift/access';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { ApiIfMatch, IfMatch, SendsVersionETag } from '../../core/http/versioning';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import { ReviewPublicTextDto } from '../approvals/dto/approval.dto';
import { CreateStatusUpdateDto, RecordNoChangeDto, StatusUpdateDto, UpdateStatusUpdateDto } from './dto/status-update.dto';
import { StatusUpdatesService } from './status-updates.service';

@ApiTags('status updates')
@Controller('initiatives/:initiativeId/status-updates')
@ApiProblems(401, 403)
@SendsVersionETag()
export class StatusUpdatesController {
  constructor(private readonly updates: StatusUpdatesService) {}

  @Get()
  @ApiOkResponse({ type: PageDto(StatusUpdateDto), description: 'Newest period first' })
  @ApiProblems(400, 404)
  list(@IdParam('initiativeId') initiativeId: string, @Query() query: PageQueryDto) {
    return this.updates.list(initiativeId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: StatusUpdateDto })
  @ApiProblems(400, 404)
  get(@IdParam('initiativeId') initiativeId: string, @IdParam() id: string) {
    return this.updates.get(initiativeId, id);
  }

  @Post()
  @ApiCreatedResponse({ type: StatusUpdateDto })
  @ApiProblems(400, 404)
  create(@CurrentUser() user: AuthenticatedUser, @IdParam('initiativeId') initiativeId: string, @Body() input: CreateStatusUpdateDto) {
    return this.updates.create(user, initiativeId, input);
  }

  @Post('no-change')
  @ApiCreatedResponse({
    type: StatusUpdateDto,
    description:
      'This period’s update as a copy of the latest (health, narrative, blockers, next steps), the note as its internal remark. ' +
      '409 alreadyReported or nothingToCarryOver; 400 healthDropCause/healthDropReason when health has changed since the latest update.',
  })
  @ApiProblems(400, 404, 409)
  recordNoChange(@CurrentUser() user: AuthenticatedUser, @IdParam('initiativeId') initiativeId: string, @Body() input: RecordNoChangeDto) {
    return this.updates.recordNoChange(user, initiativeId, input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: StatusUpdateDto })
  @ApiProblems(400, 404, 409)
  @ApiIfMatch()
  update(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('initiativeId') initiativeId: string,
    @IdParam() id: string,
    @IfMatch() version: number,
    @Body() input: UpdateStatusUpdateDto,
  ) {
    return this.updates.update(user, initiativeId, id, version, input);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404, 409)
  @ApiIfMatch()
  remove(@CurrentUser() user: AuthenticatedUser, @IdParam('initiativeId') initiativeId: string, @IdParam() id: string, @IfMatch() version: number) {
    return this.updates.remove(user, initiativeId, id, version);
  }

  @Post(':id/review')
  @HttpCode(200)
  @RequireAccess(canApprovePublicTexts)
  @ApiOkResponse({ type: StatusUpdateDto, description: 'The public text is approved, or returned to the lead with a comment' })
  @ApiProblems(400, 404, 409)
  @ApiIfMatch()
  review(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('initiativeId') initiativeId: string,
    @IdParam() id: string,
    @IfMatch() version: number,
    @Body() input: ReviewPublicTextDto,
  ) {
    return this.updates.review(user, initiativeId, id, version, input);
  }
}
