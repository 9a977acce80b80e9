import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { canDeletePartners, canEditPartners, canMergePartners } from '@fremdrift/access';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto } from '../../core/http/pagination';
import { CreatePartnerDto, InitiativePartnerDto, LinkPartnerDto, MergePartnersDto, PartnerDto, PartnerQueryDto, UpdatePartnerDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';

@ApiTags('partners')
@Controller('partners')
@ApiProblems(401, 403)
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @ApiOkResponse({ type: PageDto(PartnerDto), description: 'Partners by name, each with the initiatives it takes part in' })
  @ApiProblems(400)
  list(@Query() query: PartnerQueryDto) {
    return this.partners.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PartnerDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string) {
    return this.partners.get(id);
  }

  @Post()
  @RequireAccess(canEditPartners)
  @ApiCreatedResponse({ type: PartnerDto })
  @ApiProblems(400, 409)
  create(@CurrentUser() user: AuthenticatedUser, @Body() input: CreatePartnerDto) {
    return this.partners.create(user, input);
  }

  @Patch(':id')
  @RequireAccess(canEditPartners)
  @ApiOkResponse({ type: PartnerDto })
  @ApiProblems(400, 404, 409)
  update(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @Body() input: UpdatePartnerDto) {
    return this.partners.update(user, id, input);
  }

  @Post(':id/merge')
  @RequireAccess(canMergePartners)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Merge a duplicate into this partner (admins)',
    description:
      'In one transaction, moves every initiative link of the duplicate to this partner and deletes the duplicate. Where both are linked to the ' +
      'same initiative, this partner’s link stays (with the duplicate’s role if its own is empty), and consent to be named publicly stands if ' +
      'either had it, with the earlier date and that consent’s method. An empty description is filled from the duplicate’s. Answers the kept partner.',
  })
  @ApiOkResponse({ type: PartnerDto, description: 'The kept partner, with the initiatives of both' })
  @ApiProblems(400, 404)
  merge(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @Body() input: MergePartnersDto) {
    return this.partners.merge(user, id, input);
  }

  @Delete(':id')
  @RequireAccess(canDeletePartners)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404, 409)
  remove(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string) {
    return this.partners.remove(user, id);
  }
}

@ApiTags('partners')
@Controller('initiatives/:initiativeId/partners')
@ApiProblems(401, 403)
export class InitiativePartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @ApiOkResponse({ type: [InitiativePartnerDto] })
  @ApiProblems(400, 404)
  list(@IdParam('initiativeId') initiativeId: string) {
    return this.partners.listLinks(initiativeId);
  }

  @Put(':partnerId')
  @ApiOkResponse({ type: InitiativePartnerDto, description: 'The partner is linked, with its role and consent' })
  @ApiProblems(400, 404)
  link(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('initiativeId') initiativeId: string,
    @IdParam('partnerId') partnerId: string,
    @Body() input: LinkPartnerDto,
  ) {
    return this.partners.link(user, initiativeId, partnerId, input);
  }

  @Delete(':partnerId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  unlink(@CurrentUser() user: AuthenticatedUser, @IdParam('initiativeId') initiativeId: string, @IdParam('partnerId') partnerId: string) {
    return this.partners.unlink(user, initiativeId, partnerId);
  }
}
