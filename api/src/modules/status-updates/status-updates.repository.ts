import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';

import { updateVersioned } from '../../core/database/optimistic-lock';
import type { DepartmentRef } from '@fremdrift/contracts';
import type { PageWindow } from '../../core/http/pagination';

interface PendingInitiative {
  id: string;
  title: string;
  published: boolean;
  leadDepartment: DepartmentRef;
}
import { StatusUpdateEntity } from './status-update.entity';

@Injectable()
export class StatusUpdatesRepository {
  constructor(private readonly db: Database) {}

  private get updates() {
    return this.db.manager.getRepository(StatusUpdateEntity);
  }

  /** Newest first. */
  findPage(initiativeId: string, window: PageWindow): Promise<[StatusUpdateEntity[], number]> {
    return this.updates.findAndCount({
      where: { initiativeId },
      order: { periodEnd: 'DESC', reportedAt: 'DESC', id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
  }

  /** Public texts waiting for approval, oldest first, with their initiative. */
  async findPendingApprovals(window: PageWindow): Promise<[{ update: StatusUpdateEntity; initiative: PendingInitiative }[], number]> {
    const [rows, total] = await this.updates
      .createQueryBuilder('u')
      .where(`u.public_text_state = 'pending'`)
      .orderBy('u.reported_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip(window.offset)
      .take(window.pageSize)
      .getManyAndCount();
    const initiatives: PendingInitiative[] = rows.length
      ? await this.updates.manager.query(
          `SELECT i.id, i.title, i.published, json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS "leadDepartment"
             FROM initiative i JOIN department d ON d.id = i.lead_department_id
            WHERE i.id = ANY($1::uuid[])`,
          [[...new Set(rows.map((row) => row.initiativeId))]],
        )
      : [];
    const byId = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
    return [rows.map((update) => ({ update, initiative: byId.get(update.initiativeId)! })), total];
  }

  findOne(initiativeId: string, id: string): Promise<StatusUpdateEntity | null> {
    return this.updates.findOneBy({ id, initiativeId });
  }

  create(values: Partial<StatusUpdateEntity>): Promise<StatusUpdateEntity> {
    const { manager } = this.db;
    return manager.save(StatusUpdateEntity, manager.create(StatusUpdateEntity, values));
  }

  update(id: string, fields: Partial<StatusUpdateEntity>): Promise<void> {
    return updateVersioned(this.db.manager, StatusUpdateEntity, id, fields);
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(StatusUpdateEntity, { id });
  }
}
