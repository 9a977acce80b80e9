import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import { ActionPlansService } from './action-plans.service';
import { ActionPlanDto, CreateActionPlanDto, CreateGoalDto, GoalDto, UpdateActionPlanDto, UpdateGoalDto } from './dto/action-plan.dto';

@ApiTags('action plans')
@Controller('action-plans')
export class ActionPlansController {
  constructor(private readonly plans: ActionPlansService) {}

  @Get()
  @ApiOkResponse({ type: PageDto(ActionPlanDto) })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto) {
    return this.plans.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ActionPlanDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string) {
    return this.plans.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: ActionPlanDto })
  @ApiProblems(400, 409)
  create(@Body() input: CreateActionPlanDto) {
    return this.plans.create(input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ActionPlanDto })
  @ApiProblems(400, 404, 409)
  update(@IdParam() id: string, @Body() input: UpdateActionPlanDto) {
    return this.plans.update(id, input);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404, 409)
  remove(@IdParam() id: string) {
    return this.plans.remove(id);
  }

  @Get(':id/goals')
  @ApiOkResponse({ type: [GoalDto] })
  @ApiProblems(400, 404)
  listGoals(@IdParam() id: string) {
    return this.plans.listGoals(id);
  }

  @Post(':id/goals')
  @ApiCreatedResponse({ type: GoalDto })
  @ApiProblems(400, 404, 409)
  createGoal(@IdParam() id: string, @Body() input: CreateGoalDto) {
    return this.plans.createGoal(id, input);
  }

  @Patch(':id/goals/:goalId')
  @ApiOkResponse({ type: GoalDto })
  @ApiProblems(400, 404, 409)
  updateGoal(@IdParam() id: string, @IdParam('goalId') goalId: string, @Body() input: UpdateGoalDto) {
    return this.plans.updateGoal(id, goalId, input);
  }

  @Delete(':id/goals/:goalId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  removeGoal(@IdParam() id: string, @IdParam('goalId') goalId: string) {
    return this.plans.removeGoal(id, goalId);
  }
}
