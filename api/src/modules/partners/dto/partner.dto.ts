import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  CONSENT_METHODS,
  LIMITS,
  PARTNER_SORT_FIELDS,
  PARTNER_TYPES,
  SORT_DIRECTIONS,
  type ConsentMethod,
  type CreatePartner,
  type InitiativePartner,
  type LinkPartner,
  type MergePartners,
  type Partner,
  type PartnerInitiative,
  type PartnerQuery,
  type PartnerSortField,
  type PartnerType,
  type SortDirection,
} from '@fremdrift/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination';
import { IsNullable, IsOptionalNonNull, NullableDateField, OptionalTextField, TextField, UuidField } from '../../../core/http/validation';
import type { InitiativePartnerEntity } from '../initiative-partner.entity';
import type { PartnerEntity } from '../partner.entity';

const CONSENT_DOCS = {
  publicConsent: 'Whether the partner may be named on the public page and in open data for this initiative now',
  consentGivenOn: 'The date the consent was given (kept after a withdrawal)',
  consentMethod: 'How the consent was given (kept after a withdrawal)',
  consentWithdrawnOn: 'The date the consent was last withdrawn; null while it stands or was never withdrawn',
};

/** A partner's part in one initiative: its role, and its consent to be named publicly there. */
class PartnerLinkDto {
  @ApiProperty({ description: 'The partner’s part in this initiative' })
  role: string;

  @ApiProperty({ description: CONSENT_DOCS.publicConsent })
  publicConsent: boolean;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: CONSENT_DOCS.consentGivenOn })
  consentGivenOn: string | null;

  @ApiProperty({ enum: CONSENT_METHODS, nullable: true, description: CONSENT_DOCS.consentMethod })
  consentMethod: ConsentMethod | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: CONSENT_DOCS.consentWithdrawnOn })
  consentWithdrawnOn: string | null;
}

export class PartnerInitiativeDto extends PartnerLinkDto implements PartnerInitiative {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'uuid', description: 'The initiative’s lead department: its leads may correct the partner record' })
  leadDepartmentId: string;
}

export class PartnerDto implements Partner {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: PARTNER_TYPES })
  type: PartnerType;

  @ApiProperty()
  description: string;

  @ApiProperty({ description: 'Number of initiatives the partner takes part in' })
  initiativeCount: number;

  @ApiProperty({ type: [PartnerInitiativeDto], description: 'The initiatives the partner takes part in, by title, with its role and consent there' })
  initiatives: PartnerInitiativeDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PartnerQueryDto extends PageQueryDto implements PartnerQuery {
  @ApiPropertyOptional({ description: 'Part of the name; case and accents (é, ü …) do not matter', maxLength: LIMITS.searchText.max })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.searchText.max)
  q?: string;

  @ApiPropertyOptional({ enum: PARTNER_TYPES })
  @IsOptional()
  @IsIn(PARTNER_TYPES)
  type?: PartnerType;

  @ApiPropertyOptional({ enum: PARTNER_SORT_FIELDS, default: 'name' })
  @IsOptional()
  @IsIn(PARTNER_SORT_FIELDS)
  sort?: PartnerSortField;

  @ApiPropertyOptional({ enum: SORT_DIRECTIONS, default: 'asc' })
  @IsOptional()
  @IsIn(SORT_DIRECTIONS)
  direction?: SortDirection;
}

export class CreatePartnerDto implements CreatePartner {
  @TextField(LIMITS.partnerName, { example: 'Frivilligcenter Aarhus' })
  name: string;

  @ApiProperty({ enum: PARTNER_TYPES })
  @IsIn(PARTNER_TYPES)
  type: PartnerType;

  @OptionalTextField(LIMITS.longText.max)
  description?: string;
}

export class UpdatePartnerDto extends PartialType(CreatePartnerDto, { skipNullProperties: false }) {}

export class MergePartnersDto implements MergePartners {
  @UuidField({ description: 'The duplicate record, merged into the partner in the path and then deleted' })
  duplicateId: string;
}

export class PartnerRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: PARTNER_TYPES })
  type: PartnerType;
}

export class InitiativePartnerDto extends PartnerLinkDto implements InitiativePartner {
  @ApiProperty({ type: PartnerRefDto })
  partner: PartnerRefDto;
}

export class LinkPartnerDto implements LinkPartner {
  @OptionalTextField(LIMITS.partnerRole.max)
  role?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'true gives consent to be named publicly: it needs consentGivenOn (not after today) and consentMethod, unless a standing consent keeps its own. ' +
      'false withdraws a standing consent as of today.',
  })
  @IsOptionalNonNull()
  @IsBoolean()
  publicConsent?: boolean;

  @NullableDateField({ description: 'The date the consent was given; only with consent' })
  consentGivenOn?: string | null;

  @ApiPropertyOptional({ enum: CONSENT_METHODS, nullable: true, description: 'How the consent was given; only with consent' })
  @IsNullable()
  @IsIn(CONSENT_METHODS)
  consentMethod?: ConsentMethod | null;
}

export function toPartnerDto(entity: PartnerEntity, initiatives: PartnerInitiativeDto[]): PartnerDto {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    description: entity.description,
    initiativeCount: initiatives.length,
    initiatives,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function toInitiativePartnerDto(link: InitiativePartnerEntity): InitiativePartnerDto {
  if (!link.partner) throw new Error('The partner must be loaded');
  return {
    partner: { id: link.partner.id, name: link.partner.name, type: link.partner.type },
    role: link.role,
    publicConsent: link.publicConsent,
    consentGivenOn: link.consentGivenOn,
    consentMethod: link.consentMethod,
    consentWithdrawnOn: link.consentWithdrawnOn,
  };
}
