import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { LIMITS, PARTNER_TYPES, type CreatePartner, type InitiativePartner, type LinkPartner, type Partner, type PartnerType } from '@fremdrift/contracts';
import { IsBoolean, IsIn } from 'class-validator';
import { IsOptionalNonNull, OptionalTextField, TextField } from '../../../core/http/validation';
import type { InitiativePartnerEntity } from '../initiative-partner.entity';
import type { PartnerEntity } from '../partner.entity';

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

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
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

export class PartnerRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: PARTNER_TYPES })
  type: PartnerType;
}

export class InitiativePartnerDto implements InitiativePartner {
  @ApiProperty({ type: PartnerRefDto })
  partner: PartnerRefDto;

  @ApiProperty({ description: 'The partner’s part in this initiative' })
  role: string;

  @ApiProperty({ description: 'Whether the partner agrees to be named on the public page for this initiative' })
  publicConsent: boolean;
}

export class LinkPartnerDto implements LinkPartner {
  @OptionalTextField(LIMITS.partnerRole.max)
  role?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  publicConsent?: boolean;
}

export function toPartnerDto(entity: PartnerEntity, initiativeCount: number): PartnerDto {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    description: entity.description,
    initiativeCount,
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
  };
}
