import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canManageActionPlans } from '@fremdrift/access';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto } from '../../core/http/pagination';
import { ActionPlansService } from './action-plans.service';
import { ActionPlanDto, ActionPlanQueryDto, CreateActionPlanDto, CreateGoalDto, GoalDto, UpdateActionPlanDto, UpdateGoalDto } from './dto/action-plan.dto';

@ApiTags('action plans')
@Controller('action-plans')
@ApiProblems(401, 403)
export class ActionPlansController {
  constructor(private readonly plans: ActionPlansService) {}

  @Get()
  @ApiOkResponse({ type: PageDto(ActionPlanDto) })
  @ApiProblems(400)
  list(@Query() query: ActionPlanQueryDto) {
    return this.plans.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ActionPlanDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string) {
    return this.plans.get(id);
  }

  @Post()
  @RequireAccess(canManageActionPlans)
  @ApiCreatedResponse({ type: ActionPlanDto })
  @ApiProblems(400, 409)
  create(@CurrentUser() user: AuthenticatedUser, @Body() input: CreateActionPlanDto) {
    return this.plans.create(user, input);
  }

  @Patch(':id')
  @RequireAccess(canManageActionPlans)
  @ApiOkResponse({ type: ActionPlanDto })
  @ApiProblems(400, 404, 409)
  update(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @Body() input: UpdateActionPlanDto) {
    return this.plans.update(user, id, input);
  }

  @Delete(':id')
  @RequireAccess(canManageActionPlans)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404, 409)
  remove(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string) {
    return this.plans.remove(user, id);
  }

  @Get(':id/goals')
  @ApiOkResponse({ type: [GoalDto] })
  @ApiProblems(400, 404)
  listGoals(@IdParam() id: string) {
    return this.plans.listGoals(id);
  }

  @Post(':id/goals')
  @RequireAccess(canManageActionPlans)
  @ApiCreatedResponse({ type: GoalDto })
  @ApiProblems(400, 404, 409)
  createGoal(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @Body() input: CreateGoalDto) {
    return this.plans.createGoal(user, id, input);
  }

  @Patch(':id/goals/:goalId')
  @RequireAccess(canManageActionPlans)
  @ApiOkResponse({ type: GoalDto })
  @ApiProblems(400, 404, 409)
  updateGoal(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @IdParam('goalId') goalId: string, @Body() input: UpdateGoalDto) {
    return this.plans.updateGoal(user, id, goalId, input);
  }

  @Delete(':id/goals/:goalId')
  @RequireAccess(canManageActionPlans)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  removeGoal(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string, @IdParam('goalId') goalId: string) {
    return this.plans.removeGoal(user, id, goalId);
  }
}
