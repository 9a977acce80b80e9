import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { canOperateInstallation } from '@fremdrift/access';
import type { JobStatus } from '@fremdrift/contracts';
import { RequireAccess } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-responses';
import { JobStatusDto } from './job-status.dto';
import { Scheduler } from './scheduler';

@ApiTags('jobs')
@Controller('jobs')
@ApiProblems(401, 403)
@RequireAccess(canOperateInstallation)
export class JobsController {
  constructor(private readonly scheduler: Scheduler) {}

  @Get()
  @ApiOkResponse({ type: [JobStatusDto], description: 'Every job with its schedule, last run and next run (admins)' })
  list(): Promise<JobStatus[]> {
    return this.scheduler.status();
  }

  @Post(':name/run')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: JobStatusDto, description: 'The run is queued (with jobs switched off it has already run); the job as it stands now' })
  @ApiProblems(404)
  async run(@Param('name') name: string): Promise<JobStatus> {
    await this.scheduler.runNow(name);
    return (await this.scheduler.status()).find((job) => job.name === name) as JobStatus;
  }
}
