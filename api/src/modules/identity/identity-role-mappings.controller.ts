import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canManageIdentityMappings } from '@fremdrift/access';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { ApiIfMatch, IfMatch, SendsVersionETag } from '../../core/http/versioning';
import { CreateIdentityRoleMappingDto, IdentityRoleMappingDto, UpdateIdentityRoleMappingDto } from './dto/identity-role-mapping.dto';
import { IdentityRoleMappingsService } from './identity-role-mappings.service';

@ApiTags('identity')
@Controller('identity-role-mappings')
@RequireAccess(canManageIdentityMappings)
@ApiProblems(401, 403)
@SendsVersionETag()
export class IdentityRoleMappingsController {
  constructor(private readonly mappings: IdentityRoleMappingsService) {}

  @Get()
  @ApiOkResponse({ type: [IdentityRoleMappingDto], description: 'Every mapping, by value and unit' })
  list() {
    return this.mappings.list();
  }

  @Post()
  @ApiCreatedResponse({ type: IdentityRoleMappingDto, description: 'Applies from each user’s next sign-in' })
  @ApiProblems(400, 409)
  create(@CurrentUser() user: AuthenticatedUser, @Body() input: CreateIdentityRoleMappingDto) {
    return this.mappings.create(user, input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: IdentityRoleMappingDto })
  @ApiProblems(400, 404, 409)
  @ApiIfMatch()
  update(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @IfMatch() version: number, @Body() input: UpdateIdentityRoleMappingDto) {
    return this.mappings.update(user, id, version, input);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404, 409)
  @ApiIfMatch()
  remove(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @IfMatch() version: number) {
    return this.mappings.remove(user, id, version);
  }
}
