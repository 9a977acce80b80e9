import { ApiProperty } from '@nestjs/swagger';
import { JOB_RUN_STATES, type JobRunState, type JobStatus } from '@fremdrift/contracts';

export class JobStatusDto implements JobStatus {
  @ApiProperty({ example: 'outbox.send' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: '* * * * *', description: "Cron, in the municipality's time zone; null when it only runs on demand" })
  schedule: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastRunAt: string | null;

  @ApiProperty({ enum: JOB_RUN_STATES, nullable: true })
  lastState: JobRunState | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextRunAt: string | null;

  @ApiProperty({ description: 'Failed runs in a row since the last success' })
  failures: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ description: 'Whether jobs run in this installation (JOBS_ENABLED)' })
  enabled: boolean;
}
