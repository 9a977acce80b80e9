import { Injectable } from '@nestjs/common';
import type { PartnerConsent } from '@fremdrift/contracts';
import { Database } from '../../core/database/database';

import type { PageWindow } from '../../core/http/pagination';
import type { PartnerInitiativeDto, PartnerQueryDto } from './dto/partner.dto';
import { InitiativePartnerEntity } from './initiative-partner.entity';
import { PartnerEntity } from './partner.entity';

export type LinkValues = Pick<InitiativePartnerEntity, 'initiativeId' | 'partnerId' | 'role'> & PartnerConsent;

@Injectable()
export class PartnersRepository {
  constructor(private readonly db: Database) {}

  /** A page of partners by name; `q` matches part of the name regardless of case and accents (`search_fold`). */
  findPage(query: PartnerQueryDto, window: PageWindow): Promise<[PartnerEntity[], number]> {
    const qb = this.db.manager.getRepository(PartnerEntity).createQueryBuilder('p');
    const q = query.q?.trim();
    if (q) qb.andWhere('search_fold(p.name) ILIKE search_fold(:pattern)', { pattern: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (query.type) qb.andWhere('p.type = :type', { type: query.type });
    const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
    return qb.orderBy('p.name', direction).addOrderBy('p.id', 'ASC').offset(window.offset).limit(window.pageSize).getManyAndCount();
  }

  findById(id: string): Promise<PartnerEntity | null> {
    return this.db.manager.getRepository(PartnerEntity).findOneBy({ id });
  }

  /** The initiatives each partner takes part in, by title, in one query for a whole page. */
  async initiativesOf(partnerIds: string[]): Promise<Map<string, PartnerInitiativeDto[]>> {
    const result = new Map<string, PartnerInitiativeDto[]>(partnerIds.map((id) => [id, []]));
    if (partnerIds.length === 0) return result;
    const rows: (PartnerInitiativeDto & { partnerId: string })[] = await this.db.manager.query(
      `SELECT l.partner_id AS "partnerId", i.id, i.title, i.lead_department_id AS "leadDepartmentId", l.role, l.public_consent AS "publicConsent",
              l.consent_given_on::text AS "consentGivenOn", l.consent_method::text AS "consentMethod",
              l.consent_withdrawn_on::text AS "consentWithdrawnOn"
         FROM initiative_partner l JOIN initiative i ON i.id = l.initiative_id
        WHERE l.partner_id = ANY($1::uuid[])
        ORDER BY i.title, i.id`,
      [partnerIds],
    );
    for (const { partnerId, ...initiative } of rows) result.get(partnerId)?.push(initiative);
    return result;
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

  /** Every link of a partner, locked until the transaction ends (a merge rewrites them). */
  findLinksOfPartnerForUpdate(partnerId: string): Promise<InitiativePartnerEntity[]> {
    return this.db.manager
      .getRepository(InitiativePartnerEntity)
      .createQueryBuilder('l')
      .where('l.partner_id = :partnerId', { partnerId })
      .orderBy('l.initiative_id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Locks both partner rows in a fixed order, so that two merges of the same pair wait for each other. */
  async lockPartners(ids: string[]): Promise<number> {
    const rows: unknown[] = await this.db.manager.query('SELECT id FROM partner WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
    return rows.length;
  }

  async upsertLink(link: LinkValues): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO initiative_partner (initiative_id, partner_id, role, public_consent, consent_given_on, consent_method, consent_withdrawn_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (initiative_id, partner_id) DO UPDATE SET role = excluded.role, public_consent = excluded.public_consent,
         consent_given_on = excluded.consent_given_on, consent_method = excluded.consent_method, consent_withdrawn_on = excluded.consent_withdrawn_on`,
      [link.initiativeId, link.partnerId, link.role, link.publicConsent, link.consentGivenOn, link.consentMethod, link.consentWithdrawnOn],
    );
  }

  /** Hands a link over to another partner, keeping its role, consent and creation time. */
  async moveLink(initiativeId: string, fromPartnerId: string, toPartnerId: string): Promise<void> {
    await this.db.manager.query('UPDATE initiative_partner SET partner_id = $3 WHERE initiative_id = $1 AND partner_id = $2', [
      initiativeId,
      fromPartnerId,
      toPartnerId,
    ]);
  }

  async deleteLink(initiativeId: string, partnerId: string): Promise<void> {
    await this.db.manager.delete(InitiativePartnerEntity, { initiativeId, partnerId });
  }
}
