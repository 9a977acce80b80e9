import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';

import type { PageWindow } from '../../core/http/pagination';
import { InitiativePartnerEntity } from './initiative-partner.entity';
import { PartnerEntity } from './partner.entity';

@Injectable()
export class PartnersRepository {
  constructor(private readonly db: Database) {}

  findPage(window: PageWindow): Promise<[PartnerEntity[], number]> {
    return this.db.manager.getRepository(PartnerEntity).findAndCount({ order: { name: 'ASC' }, skip: window.offset, take: window.pageSize });
  }

  findById(id: string): Promise<PartnerEntity | null> {
    return this.db.manager.getRepository(PartnerEntity).findOneBy({ id });
  }

  async countInitiatives(partnerIds: string[]): Promise<Map<string, number>> {
    if (partnerIds.length === 0) return new Map();
    const rows = await this.db.manager
      .getRepository(InitiativePartnerEntity)
      .createQueryBuilder('l')
      .select('l.partner_id', 'partnerId')
      .addSelect('count(*)::int', 'count')
      .where('l.partner_id IN (:...partnerIds)', { partnerIds })
      .groupBy('l.partner_id')
      .getRawMany<{ partnerId: string; count: number }>();
    return new Map(rows.map((row) => [row.partnerId, row.count]));
  }

  /** The lead departments of the initiatives that name the partner. */
  async leadDepartmentsUsing(partnerId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query(
      'SELECT DISTINCT i.lead_department_id AS id FROM initiative_partner l JOIN initiative i ON i.id = l.initiative_id WHERE l.partner_id = $1',
      [partnerId],
    );
    return rows.map((row) => row.id);
  }

  save(values: Partial<PartnerEntity>): Promise<PartnerEntity> {
    const { manager } = this.db;
    return manager.save(PartnerEntity, manager.create(PartnerEntity, values));
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(PartnerEntity, { id });
  }

  findLinks(initiativeId: string): Promise<InitiativePartnerEntity[]> {
    return this.db.manager.getRepository(InitiativePartnerEntity).find({
      where: { initiativeId },
      relations: { partner: true },
      order: { partner: { name: 'ASC' } },
    });
  }

  findLink(initiativeId: string, partnerId: string): Promise<InitiativePartnerEntity | null> {
    return this.db.manager.getRepository(InitiativePartnerEntity).findOne({ where: { initiativeId, partnerId }, relations: { partner: true } });
  }

  async upsertLink(link: Pick<InitiativePartnerEntity, 'initiativeId' | 'partnerId' | 'role' | 'publicConsent'>): Promise<void> {
    const { manager } = this.db;
    await manager.query(
      `INSERT INTO initiative_partner (initiative_id, partner_id, role, public_consent) VALUES ($1, $2, $3, $4)
       ON CONFLICT (initiative_id, partner_id) DO UPDATE SET role = excluded.role, public_consent = excluded.public_consent`,
      [link.initiativeId, link.partnerId, link.role, link.publicConsent],
    );
  }

  async deleteLink(initiativeId: string, partnerId: string): Promise<void> {
    await this.db.manager.delete(InitiativePartnerEntity, { initiativeId, partnerId });
  }
}
