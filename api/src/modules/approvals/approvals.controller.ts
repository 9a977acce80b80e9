import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canApprovePublicTexts } from '@fremdrift/access';
import { RequireAccess } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/http/api-responses';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import { PendingApprovalDto } from './dto/status-update.dto';
import { StatusUpdatesService } from './status-updates.service';

@ApiTags('status-updates')
@Controller('approvals')
@ApiProblems(401, 403)
export class ApprovalsController {
  constructor(private readonly updates: StatusUpdatesService) {}

  @Get()
  @RequireAccess(canApprovePublicTexts)
  @ApiOkResponse({ type: PageDto(PendingApprovalDto), description: 'Public texts waiting for approval, oldest first' })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto) {
    return this.updates.pendingApprovals(query);
  }
}
