import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canManageUsers } from '@fremdrift/access';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto } from '../../core/http/pagination';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@RequireAccess(canManageUsers)
@ApiProblems(401, 403)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: PageDto(UserDto) })
  @ApiProblems(400)
  list(@Query() query: UserQueryDto) {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(400, 409)
  create(@CurrentUser() actor: AuthenticatedUser, @Body() input: CreateUserDto) {
    return this.users.create(actorOf(actor), input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto, description: 'Changed; deactivation ends the user’s sessions' })
  @ApiProblems(400, 404, 409)
  update(@CurrentUser() actor: AuthenticatedUser, @IdParam() id: string, @Body() input: UpdateUserDto) {
    return this.users.update(actor, id, input);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The new password is set and all the user’s sessions are ended' })
  @ApiProblems(400, 404, 409)
  resetPassword(@CurrentUser() actor: AuthenticatedUser, @IdParam() id: string, @Body() input: ResetPasswordDto) {
    return this.users.resetPassword(actor, id, input);
  }
}
