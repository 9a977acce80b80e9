import { Injectable } from '@nestjs/common';
import { canEditInitiative, canEditPartner } from '@fremdrift/access';
import type { Page } from '@fremdrift/contracts';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { PageQueryDto, pageWindow, toPage } from '../../core/http/pagination';
import { ForbiddenProblemException, ResourceNotFoundException } from '../../core/http/problem';
import { InitiativesService } from '../initiatives/initiatives.service';
import {
  type CreatePartnerDto,
  type InitiativePartnerDto,
  type LinkPartnerDto,
  type PartnerDto,
  type UpdatePartnerDto,
  toInitiativePartnerDto,
  toPartnerDto,
} from './dto/partner.dto';
import type { PartnerEntity } from './partner.entity';
import { PartnersRepository } from './partners.repository';

@Injectable()
export class PartnersService {
  constructor(
    private readonly partners: PartnersRepository,
    private readonly initiatives: InitiativesService,
    private readonly tx: TransactionRunner,
  ) {}

  async list(query: PageQueryDto): Promise<Page<PartnerDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.partners.findPage(window);
    const counts = await this.partners.countInitiatives(rows.map((row) => row.id));
    return toPage(
      rows.map((row) => toPartnerDto(row, counts.get(row.id) ?? 0)),
      total,
      window,
    );
  }

  async get(id: string): Promise<PartnerDto> {
    const partner = await this.require(id);
    const counts = await this.partners.countInitiatives([id]);
    return toPartnerDto(partner, counts.get(id) ?? 0);
  }

  async create(user: AuthenticatedUser, input: CreatePartnerDto): Promise<PartnerDto> {
    return toPartnerDto(await this.tx.run(actorOf(user), () => this.partners.save(input)), 0);
  }

  async update(user: AuthenticatedUser, id: string, input: UpdatePartnerDto): Promise<PartnerDto> {
    const partner = await this.require(id);
    await this.tx.run(actorOf(user), async () => {
      if (!canEditPartner(user, await this.partners.leadDepartmentsUsing(id))) {
        throw new ForbiddenProblemException('This partner takes part in initiatives of other departments: ask an administrator to change it.');
      }
      await this.partners.save(Object.assign(partner, input));
    });
    return this.get(id);
  }

  /** A partner linked to an initiative cannot be removed (409): unlink it first. */
  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    await this.require(id);
    await this.tx.run(actorOf(user), () => this.partners.delete(id));
  }

  async listLinks(initiativeId: string): Promise<InitiativePartnerDto[]> {
    await this.initiatives.assertExists(initiativeId);
    return (await this.partners.findLinks(initiativeId)).map(toInitiativePartnerDto);
  }

  /** Links a partner to an initiative, or changes its role and consent there. */
  async link(user: AuthenticatedUser, initiativeId: string, partnerId: string, input: LinkPartnerDto): Promise<InitiativePartnerDto> {
    await this.initiatives.requireAccess(user, initiativeId, canEditInitiative);
    await this.require(partnerId);
    const existing = await this.partners.findLink(initiativeId, partnerId);
    await this.tx.run(actorOf(user), () =>
      this.partners.upsertLink({
        initiativeId,
        partnerId,
        role: input.role ?? existing?.role ?? '',
        publicConsent: input.publicConsent ?? existing?.publicConsent ?? false,
      }),
    );
    return toInitiativePartnerDto((await this.partners.findLink(initiativeId, partnerId))!);
  }

  async unlink(user: AuthenticatedUser, initiativeId: string, partnerId: string): Promise<void> {
    await this.initiatives.requireAccess(user, initiativeId, canEditInitiative);
    if (!(await this.partners.findLink(initiativeId, partnerId))) {
      throw new ResourceNotFoundException('Partner link', partnerId);
    }
    await this.tx.run(actorOf(user), () => this.partners.deleteLink(initiativeId, partnerId));
  }

  private async require(id: string): Promise<PartnerEntity> {
    const partner = await this.partners.findById(id);
    if (!partner) throw new ResourceNotFoundException('Partner', id);
    return partner;
  }
}
