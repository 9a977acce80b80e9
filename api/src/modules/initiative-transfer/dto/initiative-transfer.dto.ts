import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import {
  IMPORT_CELL_ERROR_CODES,
  TRANSFER_FORMATS,
  TRANSFER_SHEETS,
  type ImportCellError,
  type ImportCounts,
  type ImportFieldChange,
  type ImportOutcome,
  type ImportPreview,
  type ImportRowAction,
  type ImportRowResult,
  type TransferFormat,
  type TransferSheet,
} from '@fremdrift/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ExportLanguage } from '../../../core/export/labels';
import { InitiativeQueryDto } from '../../initiatives/dto/initiative.dto';

export const EXPORT_LANGUAGES: readonly ExportLanguage[] = ['da', 'en'];

export class TransferFormatQueryDto {
  @ApiPropertyOptional({ enum: TRANSFER_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(TRANSFER_FORMATS)
  format?: TransferFormat;

  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, default: 'da', description: 'The language of the headers and labels' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;
}

/** The list's filters (without paging: the export holds every match), the format and the language. */
export class TransferExportQueryDto extends IntersectionType(OmitType(InitiativeQueryDto, ['page', 'pageSize'] as const), TransferFormatQueryDto) {}

export class ImportQueryDto {
  @ApiPropertyOptional({ description: 'The uploaded file’s name, echoed in the answer', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;

  @ApiPropertyOptional({ description: 'The dry run’s token: applies the import. Without it, the import is a dry run that writes nothing.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  confirm?: string;
}

export class ImportCellErrorDto implements ImportCellError {
  @ApiProperty({ enum: TRANSFER_SHEETS })
  sheet: TransferSheet;

  @ApiProperty({ description: 'The row number as the spreadsheet shows it (the header is row 1)' })
  row: number;

  @ApiProperty({ description: 'The column’s header as it stands in the file; empty for the whole row' })
  column: string;

  @ApiProperty({ description: `One of ${IMPORT_CELL_ERROR_CODES.join(', ')}, or a field error code of the API` })
  code: ImportCellError['code'];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  params?: Record<string, string | number>;

  @ApiProperty({ example: 'Række 7, kolonne Slutdato: datoen ligger før startdatoen.', description: 'In Danish' })
  message: string;
}

export class ImportFieldChangeDto implements ImportFieldChange {
  @ApiProperty() column: string;
  @ApiProperty() before: string;
  @ApiProperty() after: string;
}

export class ImportRowResultDto implements ImportRowResult {
  @ApiProperty({ enum: TRANSFER_SHEETS })
  sheet: TransferSheet;

  @ApiProperty()
  row: number;

  @ApiProperty({ enum: ['create', 'update', 'unchanged', 'error'] })
  action: ImportRowAction;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: [ImportFieldChangeDto] })
  changes: ImportFieldChangeDto[];

  @ApiProperty({ type: [ImportCellErrorDto] })
  errors: ImportCellErrorDto[];
}

export class ImportCountsDto implements ImportCounts {
  @ApiProperty() create: number;
  @ApiProperty() update: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() error: number;
}

export class ImportPreviewDto implements ImportPreview {
  @ApiProperty()
  fileName: string;

  @ApiProperty({ type: ImportCountsDto })
  counts: ImportCountsDto;

  @ApiProperty({ type: [ImportRowResultDto], description: 'Rows to be created or updated, and rows in error; unchanged rows are counted only' })
  rows: ImportRowResultDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Send it back as `confirm` with the same file to apply the import; null while the file has errors',
  })
  token: string | null;
}

export class ImportOutcomeDto implements ImportOutcome {
  @ApiProperty({ type: ImportCountsDto })
  counts: ImportCountsDto;
}
