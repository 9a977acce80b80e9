import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canManageReferenceData } from '@fremdrift/access';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { DelayCausesService } from './delay-causes.service';
import { CreateDelayCauseDto, DelayCauseDto, UpdateDelayCauseDto } from './dto/delay-cause.dto';

@ApiTags('delay-causes')
@Controller('delay-causes')
@ApiProblems(401, 403)
export class DelayCausesController {
  constructor(private readonly causes: DelayCausesService) {}

  @Get()
  @ApiOkResponse({ type: [DelayCauseDto], description: 'All causes, inactive ones included, in their order' })
  list() {
    return this.causes.list();
  }

  @Post()
  @RequireAccess(canManageReferenceData)
  @ApiCreatedResponse({ type: DelayCauseDto })
  @ApiProblems(400, 409)
  create(@CurrentUser() user: AuthenticatedUser, @Body() input: CreateDelayCauseDto) {
    return this.causes.create(user, input);
  }

  @Patch(':id')
  @RequireAccess(canManageReferenceData)
  @ApiOkResponse({ type: DelayCauseDto })
  @ApiProblems(400, 404, 409)
  update(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @Body() input: UpdateDelayCauseDto) {
    return this.causes.update(user, id, input);
  }
}
