import { Injectable } from '@nestjs/common';
import { applyConsentChange, canEditInitiative, canEditPartner, mergeConsent } from '@fremdrift/access';
import type { Page, PartnerConsent } from '@fremdrift/contracts';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { Clock } from '../../core/clock/clock';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { pageWindow, toPage } from '../../core/http/pagination';
import { fieldError, ForbiddenProblemException, invalidField, InvalidFieldsException, ResourceNotFoundException } from '../../core/http/problem';
import { InitiativesService } from '../initiatives/initiatives.service';
import {
  type CreatePartnerDto,
  type InitiativePartnerDto,
  type LinkPartnerDto,
  type MergePartnersDto,
  type PartnerDto,
  type PartnerQueryDto,
  type UpdatePartnerDto,
  toInitiativePartnerDto,
  toPartnerDto,
} from './dto/partner.dto';
import type { InitiativePartnerEntity } from './initiative-partner.entity';
import type { PartnerEntity } from './partner.entity';
import { PartnersRepository } from './partners.repository';

const CONSENT_MESSAGES = {
  consentDateRequired: (field: string) => `${field} is required when publicConsent is true`,
  consentMethodRequired: (field: string) => `${field} is required when publicConsent is true`,
  notInFuture: (field: string) => `${field} cannot be in the future`,
  consentNotGiven: (field: string) => `${field} can only be sent when publicConsent is true`,
} as const;

const consentOf = (link: InitiativePartnerEntity): PartnerConsent => ({
  publicConsent: link.publicConsent,
  consentGivenOn: link.consentGivenOn,
  consentMethod: link.consentMethod,
  consentWithdrawnOn: link.consentWithdrawnOn,
});

@Injectable()
export class PartnersService {
  constructor(
    private readonly partners: PartnersRepository,
    private readonly initiatives: InitiativesService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(query: PartnerQueryDto): Promise<Page<PartnerDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.partners.findPage(query, window);
    const initiatives = await this.partners.initiativesOf(rows.map((row) => row.id));
    return toPage(
      rows.map((row) => toPartnerDto(row, initiatives.get(row.id) ?? [])),
      total,
      window,
    );
  }

  async get(id: string): Promise<PartnerDto> {
    const partner = await this.require(id);
    const initiatives = await this.partners.initiativesOf([id]);
    return toPartnerDto(partner, initiatives.get(id) ?? []);
  }

  async create(user: AuthenticatedUser, input: CreatePartnerDto): Promise<PartnerDto> {
    return toPartnerDto(await this.tx.run(actorOf(user), () => this.partners.save(input)), []);
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

  /**
   * Merges a duplicate record into the partner kept, in one transaction: every initiative link of
   * the duplicate moves to the kept partner. Where both were linked to the same initiative, the kept
   * partner's link stays (its role, or the duplicate's when its own is empty) and consent stands if
   * either had it, with the earlier date (`mergeConsent`). An empty description is filled from the
   * duplicate's; then the duplicate is deleted.
   */
  async merge(user: AuthenticatedUser, keptId: string, input: MergePartnersDto): Promise<PartnerDto> {
    if (input.duplicateId === keptId) throw invalidField('duplicateId', 'samePartner', 'duplicateId must be another partner than the one kept');
    await this.tx.run(actorOf(user), async () => {
      await this.partners.lockPartners([keptId, input.duplicateId]);
      const kept = await this.require(keptId);
      const duplicate = await this.require(input.duplicateId);
      const keptLinks = new Map((await this.partners.findLinksOfPartnerForUpdate(keptId)).map((link) => [link.initiativeId, link]));
      for (const link of await this.partners.findLinksOfPartnerForUpdate(duplicate.id)) {
        const own = keptLinks.get(link.initiativeId);
        if (!own) {
          await this.partners.moveLink(link.initiativeId, duplicate.id, kept.id);
          continue;
        }
        await this.partners.upsertLink({
          initiativeId: own.initiativeId,
          partnerId: kept.id,
          role: own.role || link.role,
          ...mergeConsent(consentOf(own), consentOf(link)),
        });
        await this.partners.deleteLink(link.initiativeId, duplicate.id);
      }
      if (!kept.description.trim() && duplicate.description.trim()) await this.partners.save(Object.assign(kept, { description: duplicate.description }));
      await this.partners.delete(duplicate.id);
    });
    return this.get(keptId);
  }

  async listLinks(initiativeId: string): Promise<InitiativePartnerDto[]> {
    await this.initiatives.assertExists(initiativeId);
    return (await this.partners.findLinks(initiativeId)).map(toInitiativePartnerDto);
  }

  /** Links a partner to an initiative, or changes its role and consent there (`applyConsentChange`). */
  async link(user: AuthenticatedUser, initiativeId: string, partnerId: string, input: LinkPartnerDto): Promise<InitiativePartnerDto> {
    await this.initiatives.requireAccess(user, initiativeId, canEditInitiative);
    await this.require(partnerId);
    await this.tx.run(
      actorOf(user),
      async () => {
        const existing = await this.partners.findLink(initiativeId, partnerId);
        const outcome = applyConsentChange(existing && consentOf(existing), input, this.clock.today());
        if (outcome.errors) {
          throw new InvalidFieldsException(
            Object.fromEntries(Object.entries(outcome.errors).map(([field, code]) => [field, [fieldError(code, CONSENT_MESSAGES[code](field))]])),
          );
        }
        await this.partners.upsertLink({ initiativeId, partnerId, role: input.role ?? existing?.role ?? '', ...outcome.consent });
      },
      { initiativeId },
    );
    const saved = await this.partners.findLink(initiativeId, partnerId);
    // Only a concurrent unlink can have removed it since.
    if (!saved) throw new ResourceNotFoundException('Partner link', partnerId);
    return toInitiativePartnerDto(saved);
  }

  async unlink(user: AuthenticatedUser, initiativeId: string, partnerId: string): Promise<void> {
    await this.initiatives.requireAccess(user, initiativeId, canEditInitiative);
    if (!(await this.partners.findLink(initiativeId, partnerId))) {
      throw new ResourceNotFoundException('Partner link', partnerId);
    }
    await this.tx.run(actorOf(user), () => this.partners.deleteLink(initiativeId, partnerId), { initiativeId });
  }

  private async require(id: string): Promise<PartnerEntity> {
    const partner = await this.partners.findById(id);
    if (!partner) throw new ResourceNotFoundException('Partner', id);
    return partner;
  }
}
