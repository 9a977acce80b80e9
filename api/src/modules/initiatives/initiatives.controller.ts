import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canApprovePublicTexts, canDeleteInitiatives } from '@fremdrift/access';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { ApiIfMatch, IfMatch, SendsVersionETag } from '../../core/http/versioning';
import { PageDto } from '../../core/http/pagination';
import { CreateInitiativeDto, InitiativeDto, InitiativeQueryDto, InitiativeSummaryDto, UpdateInitiativeDto } from './dto/initiative.dto';
import { ReviewPublicTextDto } from '../approvals/dto/approval.dto';
import { InitiativesService } from './initiatives.service';

@ApiTags('initiatives')
@Controller('initiatives')
@ApiProblems(401, 403)
@SendsVersionETag()
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Get()
  @ApiOkResponse({ type: PageDto(InitiativeSummaryDto) })
  @ApiProblems(400)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: InitiativeQueryDto) {
    return this.initiatives.list(query, user);
  }

  @Get(':id')
  @ApiOkResponse({ type: InitiativeDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string) {
    return this.initiatives.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: InitiativeDto })
  @ApiProblems(400, 409)
  create(@CurrentUser() user: AuthenticatedUser, @Body() input: CreateInitiativeDto) {
    return this.initiatives.create(user, input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: InitiativeDto })
  @ApiProblems(400, 404, 409)
  @ApiIfMatch()
  update(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @IfMatch() version: number, @Body() input: UpdateInitiativeDto) {
    return this.initiatives.update(user, id, version, input);
  }

  @Post(':id/public-review')
  @HttpCode(200)
  @RequireAccess(canApprovePublicTexts)
  @ApiOkResponse({ type: InitiativeDto, description: 'The change to the public face is approved and public, or returned to the lead with a comment' })
  @ApiProblems(400, 404, 409)
  @ApiIfMatch()
  reviewPublicProposal(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @IfMatch() version: number, @Body() input: ReviewPublicTextDto) {
    return this.initiatives.reviewPublicProposal(user, id, version, input);
  }

  @Delete(':id')
  @RequireAccess(canDeleteInitiatives)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its milestones, status updates and partner links' })
  @ApiProblems(400, 404, 409)
  @ApiIfMatch()
  remove(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @IfMatch() version: number) {
    return this.initiatives.remove(user, id, version);
  }
}
