import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canFreezeSnapshots, canViewSnapshots } from '@fremdrift/access';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import {
  CreateReportingSnapshotDto,
  ReportingSnapshotDto,
  ReportingSnapshotSummaryDto,
  SnapshotDiffDto,
  SnapshotDiffQueryDto,
} from './dto/reporting-snapshot.dto';
import { ReportingSnapshotsService } from './reporting-snapshots.service';

@ApiTags('reporting snapshots')
@Controller('reporting-snapshots')
@RequireAccess(canViewSnapshots)
@ApiProblems(401, 403)
export class ReportingSnapshotsController {
  constructor(private readonly snapshots: ReportingSnapshotsService) {}

  @Post()
  @RequireAccess(canFreezeSnapshots)
  @ApiCreatedResponse({ type: ReportingSnapshotDto, description: 'Every initiative (of one plan, when given) frozen as it is now; never changed afterwards' })
  @ApiProblems(400)
  freeze(@CurrentUser() user: AuthenticatedUser, @Body() input: CreateReportingSnapshotDto) {
    return this.snapshots.freeze(user, input);
  }

  @Get()
  @ApiOkResponse({ type: PageDto(ReportingSnapshotSummaryDto), description: 'Newest first' })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto) {
    return this.snapshots.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReportingSnapshotDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string) {
    return this.snapshots.get(id);
  }

  @Get(':id/diff')
  @ApiOkResponse({ type: SnapshotDiffDto, description: 'What changed from this snapshot to another one, or to now; 409 for two snapshots of different plans' })
  @ApiProblems(400, 404, 409)
  diff(@IdParam() id: string, @Query() query: SnapshotDiffQueryDto) {
    return this.snapshots.diff(id, query.to);
  }
}
