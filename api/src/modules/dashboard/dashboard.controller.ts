import { Controller, Get, Header, Query, Req, Res, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { asyncScheduler, interval, map, merge, type Observable, throttleTime } from 'rxjs';
import { ChangeFeed } from '../../core/database/change-feed';
import { canExport, canViewDashboard } from '@fremdrift/access';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { DashboardService } from './dashboard.service';
import { EXPORT_TABLES, toCsv, toXlsx } from './dashboard-export';
import { DashboardExportContext } from '../reporting-snapshots/dashboard-export-context';
import { DashboardDto, DashboardExportQueryDto, DashboardQueryDto, ExportCsvQueryDto } from './dto/dashboard.dto';

@ApiTags('dashboard')
@Controller('dashboard')
@RequireAccess(canViewDashboard)
@ApiProblems(401, 403)
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly feed: ChangeFeed,
    private readonly exportContext: DashboardExportContext,
  ) {}

  @Get()
  @ApiOkResponse({ type: DashboardDto, description: 'Progress across departments for one filtered view, computed in the database' })
  @ApiProblems(400)
  async view(@Query() query: DashboardQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return (await this.dashboard.answer(query)).send(request, reply);
  }

  @Get('export.xlsx')
  @RequireAccess(canExport)
  @Header('cache-control', 'no-store')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description:
      'The view as a workbook in the reader’s language: one sheet per table and one row per initiative, real numbers and dates, the filters in words; ' +
      'with `since`, a sheet of the changes since that reporting snapshot (409 when it covers another plan than `actionPlanId`)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiProblems(400, 409)
  async exportXlsx(@CurrentUser() user: AuthenticatedUser, @Query() query: DashboardExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { lang, since, ...filters } = query;
    const [view, context] = await Promise.all([
      this.dashboard.view(filters, { complianceLimit: null }),
      this.exportContext.build(user.id, filters, { lang, since }),
    ]);
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="fremdrift-dashboard-${view.today}.xlsx"`);
    return toXlsx(view, context);
  }

  @Get('export.csv')
  @RequireAccess(canExport)
  @Header('cache-control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `One table of the view (${EXPORT_TABLES.join(', ')}) as CSV for Danish Excel: UTF-8 with BOM, semicolons`,
    schema: { type: 'string' },
  })
  @ApiProblems(400)
  async exportCsv(@CurrentUser() user: AuthenticatedUser, @Query() query: ExportCsvQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { table = 'departments', lang, ...filters } = query;
    const [view, context] = await Promise.all([this.dashboard.view(filters, { complianceLimit: null }), this.exportContext.build(user.id, filters, { lang })]);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="fremdrift-${table}-${view.today}.csv"`);
    return toCsv(view, table, context);
  }

  /**
   * Server-sent events: `change` when anyone, through any API process, has changed data (at most
   * one a second), and `ping` every 25 seconds so that proxies keep the stream open.
   */
  @Sse('events')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'A stream of `change` and `ping` events; reload the dashboard on `change`', schema: { type: 'string' } })
  events(): Observable<MessageEvent> {
    const changes = this.feed.changes.pipe(
      throttleTime(1000, asyncScheduler, { leading: true, trailing: true }),
      map((change) => ({ type: 'change', data: { entity: change.entity, at: new Date().toISOString() } })),
    );
    return merge(changes, interval(25_000).pipe(map(() => ({ type: 'ping', data: {} }))));
  }
}
