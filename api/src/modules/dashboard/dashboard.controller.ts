import { Controller, Get, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { asyncScheduler, interval, map, merge, type Observable, throttleTime } from 'rxjs';
import { ChangeFeed } from '../../core/database/change-feed';
import { canViewDashboard } from '@fremdrift/access';
import { RequireAccess } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/http/api-responses';
import { DashboardService } from './dashboard.service';
import { DashboardDto, DashboardQueryDto } from './dto/dashboard.dto';

@ApiTags('dashboard')
@Controller('dashboard')
@RequireAccess(canViewDashboard)
@ApiProblems(401, 403)
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly feed: ChangeFeed,
  ) {}

  @Get()
  @ApiOkResponse({ type: DashboardDto, description: 'Progress across departments for one filtered view, computed in the database' })
  @ApiProblems(400)
  view(@Query() query: DashboardQueryDto) {
    return this.dashboard.view(query);
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
