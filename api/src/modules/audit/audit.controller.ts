import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canViewAuditLog } from '@fremdrift/access';
import { RequireAccess } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import { AuditService } from './audit.service';
import { AuditEventDto, AuditFilterOptionsDto, AuditQueryDto } from './dto/audit-event.dto';

@ApiTags('audit')
@Controller()
@ApiProblems(401, 403)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit-events')
  @RequireAccess(canViewAuditLog)
  @ApiOkResponse({ type: PageDto(AuditEventDto), description: 'The audit trail, newest first, filtered' })
  @ApiProblems(400)
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }

  @Get('audit-events/filter-options')
  @RequireAccess(canViewAuditLog)
  @ApiOkResponse({ type: AuditFilterOptionsDto, description: 'The users and initiatives the trail can be filtered by' })
  filterOptions() {
    return this.audit.filterOptions();
  }

  @Get('initiatives/:id/history')
  @ApiOkResponse({ type: PageDto(AuditEventDto), description: 'Changes to the initiative and everything in it, newest first' })
  @ApiProblems(400, 404)
  history(@IdParam() id: string, @Query() query: PageQueryDto) {
    return this.audit.historyOf(id, query);
  }
}
