import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canApprovePublicTexts } from '@fremdrift/access';
import { RequireAccess } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/http/api-responses';
import { PageDto, PageQueryDto } from '../../core/http/pagination';
import { PendingApprovalDto } from './dto/approval.dto';
import { ApprovalsService } from './approvals.service';

@ApiTags('approvals')
@Controller('approvals')
@ApiProblems(401, 403)
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @RequireAccess(canApprovePublicTexts)
  @ApiOkResponse({
    type: PageDto(PendingApprovalDto),
    description:
      'Everything waiting for approval before it reaches the public, oldest first: public texts of status updates and changes to initiatives’ public face',
  })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto) {
    return this.approvals.pending(query);
  }
}
