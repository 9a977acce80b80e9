import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthStatus } from '@fremdrift/contracts';
import type { FastifyReply } from 'fastify';
import { Database } from '../database/database';
import { Public } from '../auth/auth.decorators';

export class HealthStatusDto implements HealthStatus {
  @ApiProperty({ enum: ['ok', 'error'] })
  status: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'] })
  database: 'up' | 'down';

  @ApiProperty({ example: '0.1.0' })
  version: string;
}

const DATABASE_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly db: Database) {}

  @Get()
  @ApiOkResponse({ type: HealthStatusDto, description: 'The app and its database are up' })
  @ApiServiceUnavailableResponse({ type: HealthStatusDto, description: 'The database cannot be reached' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthStatusDto> {
    const databaseUp = await this.pingDatabase();
    reply.status(databaseUp ? 200 : 503).header('cache-control', 'no-store');
    return { status: databaseUp ? 'ok' : 'error', database: databaseUp ? 'up' : 'down', version: process.env['npm_package_version'] ?? '0.1.0' };
  }

  private async pingDatabase(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS)));
    const ping = this.db.manager.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
