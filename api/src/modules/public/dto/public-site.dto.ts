import { ApiProperty } from '@nestjs/swagger';

class AccessibilityContactDto {
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When the statement was prepared (ACCESSIBILITY_STATEMENT_DATE)' })
  preparedOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The unit responsible (ACCESSIBILITY_CONTACT_UNIT)' }) responsible: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ACCESSIBILITY_CONTACT_EMAIL' }) email: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ACCESSIBILITY_CONTACT_PHONE' }) phone: string | null;
}

/** What the public pages need to know about this installation. */
export class PublicSiteDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The municipality's accessibility statement in Digitaliseringsstyrelsen's WAS-Tool; null: the built-in statement at /tilgaengelighed",
  })
  accessibilityStatementUrl: string | null;
  @ApiProperty({ type: AccessibilityContactDto, description: "The built-in statement's details; null where not configured" })
  accessibility: AccessibilityContactDto;
  @ApiProperty({ description: 'The DCAT-AP-DK catalog of the open data (Turtle or JSON-LD by Accept)' }) catalogUrl: string;
}
