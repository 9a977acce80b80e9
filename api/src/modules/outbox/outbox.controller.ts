import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PageDto } from '../../core/http/pagination';
import { canOperateInstallation } from '@fremdrift/access';
import { OutboxMessageDto, OutboxMessageSummaryDto, OutboxQueryDto } from './dto/outbox-message.dto';
import { OutboxService } from './outbox.service';

@ApiTags('outbox')
@Controller('outbox')
@ApiProblems(401, 403)
@RequireAccess(canOperateInstallation)
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOkResponse({ type: PageDto(OutboxMessageSummaryDto), description: 'Outgoing e-mail, newest first (admins)' })
  @ApiProblems(400)
  list(@Query() query: OutboxQueryDto) {
    return this.outbox.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OutboxMessageDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string) {
    return this.outbox.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: OutboxMessageDto, description: 'The failed message is queued again (or held, without an SMTP server)' })
  @ApiProblems(400, 404, 409)
  retry(@IdParam() id: string) {
    return this.outbox.retry(id);
  }
}
