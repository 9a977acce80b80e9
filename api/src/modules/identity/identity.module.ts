import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { UsersModule } from '../users/users.module';
import { IdentityProvisioningService } from './identity-provisioning.service';
import { IdentityRoleMappingsController } from './identity-role-mappings.controller';
import { IdentityRoleMappingsRepository } from './identity-role-mappings.repository';
import { IdentityRoleMappingsService } from './identity-role-mappings.service';
import { SingleSignOnRegistry } from './single-sign-on.registry';

/** What both sign-in protocols share: the registered identity provider, turning its people into users, and the admins' role mappings. */
@Module({
  imports: [UsersModule, DepartmentsModule],
  controllers: [IdentityRoleMappingsController],
  providers: [SingleSignOnRegistry, IdentityProvisioningService, IdentityRoleMappingsService, IdentityRoleMappingsRepository],
  exports: [SingleSignOnRegistry, IdentityProvisioningService],
})
export class IdentityModule {}
