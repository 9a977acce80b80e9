import { USER_ROLES, type UserRole } from '@fremdrift/contracts';
import { Column, Entity } from 'typeorm';
import { VersionedEntity } from '../../core/database/record-entity';

@Entity({ name: 'app_user' })
export class UserEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role' })
  role: UserRole;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}
