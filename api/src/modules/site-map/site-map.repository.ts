import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';

/** A public page about one record, and when what it shows last changed. */
export interface PublicPageRow {
  id: string;
  lastModified: Date;
}

/**
 * The records that have a public page, with the time their page last changed. Which records are
 * public is the public module's rule (`PublicRepository`): every action plan, and the initiatives
 * marked published. An initiative's page changes with the initiative, its milestones and its
 * approved public status texts; a plan's page with the plan, its goals and its published initiatives.
 */
@Injectable()
export class SiteMapRepository {
  constructor(private readonly db: Database) {}

  async publicPages(): Promise<{ plans: PublicPageRow[]; initiatives: PublicPageRow[] }> {
    const [initiatives, plans] = await this.db.all([
      () =>
        this.db.manager.query(
          `SELECT i.id, greatest(i.updated_at,
                    (SELECT max(u.updated_at) FROM status_update u WHERE u.initiative_id = i.id AND u.approved_public_text <> ''),
                    (SELECT max(m.updated_at) FROM milestone m WHERE m.initiative_id = i.id)) AS "lastModified"
             FROM initiative i
            WHERE i.published
            ORDER BY i.id`,
        ) as Promise<PublicPageRow[]>,
      () =>
        this.db.manager.query(
          `SELECT p.id, greatest(p.updated_at,
                    (SELECT max(g.updated_at) FROM goal g WHERE g.action_plan_id = p.id),
                    (SELECT max(i.updated_at) FROM initiative i WHERE i.action_plan_id = p.id AND i.published)) AS "lastModified"
             FROM action_plan p
            ORDER BY p.id`,
        ) as Promise<PublicPageRow[]>,
    ] as const);
    return { plans, initiatives };
  }
}
