import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiProduces, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import { canImportInitiatives } from '@fremdrift/access';
import { IMPORT_LIMITS } from '@fremdrift/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { ImportOutcomeDto, ImportPreviewDto, ImportQueryDto, TransferExportQueryDto, TransferFormatQueryDto } from './dto/initiative-transfer.dto';
import { CSV_TYPE, InitiativeTransferService, XLSX_TYPE, type TransferDownload } from './initiative-transfer.service';

const FILE_RESPONSE = { schema: { type: 'string', format: 'binary' } } as const;

@ApiTags('initiatives')
@Controller('initiatives')
@ApiProblems(401, 403)
export class InitiativeTransferController {
  constructor(private readonly transfer: InitiativeTransferService) {}

  @Get('export')
  @Header('cache-control', 'no-store')
  @ApiProduces(XLSX_TYPE, CSV_TYPE)
  @ApiOkResponse({
    ...FILE_RESPONSE,
    description:
      'Every initiative the list shows for the same filters. XLSX: a sheet of initiatives and one of their milestones, dates as date cells; CSV: the initiatives, UTF-8 with BOM and semicolons for Danish Excel. Re-imported unedited, it changes nothing.',
  })
  @ApiProblems(400)
  async export(@CurrentUser() user: AuthenticatedUser, @Query() query: TransferExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.transfer.export(user, query));
  }

  @Get('import/template')
  @Header('cache-control', 'no-store')
  @ApiProduces(XLSX_TYPE, CSV_TYPE)
  @ApiOkResponse({ ...FILE_RESPONSE, description: 'The import’s columns without rows; the workbook also has a guide to the columns and their values' })
  @ApiProblems(400)
  async template(@Query() query: TransferFormatQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.transfer.template(query.format ?? 'xlsx', query.lang ?? 'da'));
  }

  @Post('import')
  @HttpCode(200)
  @RequireAccess(canImportInitiatives)
  @RouteConfig({ bodyMediaTypes: [XLSX_TYPE, CSV_TYPE] })
  @ApiConsumes(XLSX_TYPE, CSV_TYPE)
  @ApiBody({ ...FILE_RESPONSE, description: `The file as it is, at most ${IMPORT_LIMITS.maxBytes} bytes and ${IMPORT_LIMITS.maxRows} rows` })
  @ApiExtraModels(ImportPreviewDto, ImportOutcomeDto)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(ImportPreviewDto) }, { $ref: getSchemaPath(ImportOutcomeDto) }] },
    description:
      'Without `confirm`: the dry run (nothing is written). With `confirm`: the whole file applied in one transaction, answered with an ImportOutcome (`counts`); 409 `importChanged` when the file or its data changed since the dry run, 400 `importInvalid` when a row is refused.',
  })
  @ApiProblems(400, 409)
  @ApiResponse({
    status: 413,
    description: `The file is larger than ${IMPORT_LIMITS.maxBytes} bytes`,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
  })
  async import(@CurrentUser() user: AuthenticatedUser, @Query() query: ImportQueryDto, @Req() request: FastifyRequest, @Body() body: Buffer | undefined) {
    const format = request.headers['content-type']?.toLowerCase().startsWith(CSV_TYPE) ? 'csv' : 'xlsx';
    const fileName = query.fileName ?? `import.${format}`;
    const file = Buffer.isBuffer(body) ? body : undefined;
    return query.confirm ? this.transfer.apply(user, file, format, fileName, query.confirm) : this.transfer.preview(user, file, format, fileName);
  }
}

function send(reply: FastifyReply, download: TransferDownload): Buffer | string {
  void reply.header('content-type', download.contentType).header('content-disposition', `attachment; filename="${download.fileName}"`);
  return download.body;
}
