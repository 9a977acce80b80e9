import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import { CreatePartnerDto, InitiativePartnerDto, LinkPartnerDto, PartnerDto, UpdatePartnerDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';

@ApiTags('partners')
@Controller('partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @ApiOkResponse({ type: PageDto(PartnerDto) })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto) {
    return this.partners.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PartnerDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string) {
    return this.partners.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: PartnerDto })
  @ApiProblems(400, 409)
  create(@Body() input: CreatePartnerDto) {
    return this.partners.create(input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PartnerDto })
  @ApiProblems(400, 404, 409)
  update(@IdParam() id: string, @Body() input: UpdatePartnerDto) {
    return this.partners.update(id, input);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404, 409)
  remove(@IdParam() id: string) {
    return this.partners.remove(id);
  }
}

@ApiTags('partners')
@Controller('initiatives/:initiativeId/partners')
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
  link(@IdParam('initiativeId') initiativeId: string, @IdParam('partnerId') partnerId: string, @Body() input: LinkPartnerDto) {
    return this.partners.link(initiativeId, partnerId, input);
  }

  @Delete(':partnerId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  unlink(@IdParam('initiativeId') initiativeId: string, @IdParam('partnerId') partnerId: string) {
    return this.partners.unlink(initiativeId, partnerId);
  }
}
