import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { MilestonesRepository } from '../milestones/milestones.repository';
import { MilestonesService } from '../milestones/milestones.service';
import { acceptSpreadsheetBodies } from './import-body';
import { InitiativeTransferController } from './initiative-transfer.controller';
import { InitiativeTransferRepository } from './initiative-transfer.repository';
import { InitiativeTransferService } from './initiative-transfer.service';

/** The initiative list as a spreadsheet: export, template and import (a dry run, then the confirmed run). */
@Module({
  imports: [InitiativesModule],
  controllers: [InitiativeTransferController],
  // MilestonesModule does not export its service; the import writes milestones through the same service and rules.
  providers: [InitiativeTransferService, InitiativeTransferRepository, MilestonesService, MilestonesRepository],
})
export class InitiativeTransferModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (fastify) acceptSpreadsheetBodies(fastify);
  }
}
