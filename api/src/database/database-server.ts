import type { AppConfig } from '../core/config/app-config';
import { startEmbeddedPostgres } from '../core/database/embedded-postgres';

export interface DatabaseServer {
  url: string;
  stop(): Promise<void>;
}

/** The configured PostgreSQL, or an embedded one when DATABASE_URL is not set. */
export async function openDatabaseServer(config: AppConfig): Promise<DatabaseServer> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  return startEmbeddedPostgres(config.embeddedPostgres.dataDir, config.embeddedPostgres.port);
}
