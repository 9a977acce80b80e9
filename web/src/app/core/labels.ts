import type { AuditAction, AuditedEntity, Health, InitiativeStatus, PartnerType, PublicTextState, UserRole } from '@fremdrift/contracts';

/*
 * Translation keys of the shared enums' values (texts in core/i18n/translations). Templates may
 * also write the key out: `{{ 'enum.health.' + health | translate }}`.
 */
export const labelKeys = {
  status: (value: InitiativeStatus) => `enum.status.${value}`,
  health: (value: Health) => `enum.health.${value}`,
  role: (value: UserRole) => `enum.role.${value}`,
  roleDescription: (value: UserRole) => `enum.roleDescription.${value}`,
  auditEntity: (value: AuditedEntity) => `enum.auditEntity.${value}`,
  auditAction: (value: AuditAction) => `enum.auditAction.${value}`,
  partnerType: (value: PartnerType) => `enum.partnerType.${value}`,
  publicTextState: (value: PublicTextState) => `enum.publicTextState.${value}`,
} as const;
