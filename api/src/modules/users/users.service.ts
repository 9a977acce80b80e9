import { Inject, Injectable } from '@nestjs/common';
import type { Page } from '@fremdrift/contracts';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { PasswordHasher } from '../../core/auth/password-hasher';
import { SessionsRepository } from '../../core/auth/sessions.repository';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { TransactionRunner, type Actor } from '../../core/database/transaction-runner';
import { pageWindow, toPage } from '../../core/http/pagination';
import { ConflictProblemException, invalidField, ResourceNotFoundException } from '../../core/http/problem';
import { DepartmentsRepository } from '../departments/departments.repository';
import { type CreateUserDto, type ResetPasswordDto, type UpdateUserDto, type UserDto, type UserQueryDto, toUserDto } from './dto/user.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly departments: DepartmentsRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: UserQueryDto): Promise<Page<UserDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.users.findPage(query, window);
    return toPage(rows.map(toUserDto), total, window);
  }

  async get(id: string): Promise<UserDto> {
    const row = await this.users.findById(id);
    if (!row) throw new ResourceNotFoundException('User', id);
    return toUserDto(row);
  }

  /** Also the command line's `user:create`, with the system as the actor. */
  async create(actor: Actor, input: CreateUserDto): Promise<UserDto> {
    const { departmentIds = [], password, ...fields } = input;
    await this.checkDepartments(departmentIds);
    const passwordHash = await this.hasher.hash(password);
    const id = await this.tx.run(actor, () => this.users.create({ ...fields, passwordHash }, departmentIds));
    return this.get(id);
  }

  /** Deactivating a user ends their sessions at once; the last active admin stays an active admin. */
  async update(actor: AuthenticatedUser, id: string, input: UpdateUserDto): Promise<UserDto> {
    const { departmentIds, ...fields } = input;
    if (departmentIds) await this.checkDepartments(departmentIds, (await this.users.findById(id))?.departments.map((d) => d.id) ?? []);
    await this.tx.run(actorOf(actor), async () => {
      // One user change at a time: two admins demoting each other at once must not both succeed.
      await this.users.lockUserChanges();
      if ((await this.users.lockVersion(id)) === null) throw new ResourceNotFoundException('User', id);
      const current = await this.users.findById(id);
      const losesAdmin = current?.role === 'admin' && current.active && (fields.active === false || (fields.role && fields.role !== 'admin'));
      if (losesAdmin && (await this.users.countOtherActiveAdmins(id)) === 0) {
        throw new ConflictProblemException('The last active administrator cannot be deactivated or given another role.', { code: 'lastAdmin' });
      }
      await this.users.update(id, fields, departmentIds);
      if (fields.active === false) await this.sessions.deleteAllFor(id);
    });
    return this.get(id);
  }

  /**
   * An admin sets a new password for another user and ends all their sessions. Admins change their
   * own password at /api/auth/password, which asks for the current one.
   */
  async resetPassword(actor: AuthenticatedUser, id: string, input: ResetPasswordDto): Promise<void> {
    // Ids arrive in any case; PostgreSQL compares uuids regardless.
    if (actor.id.toLowerCase() === id.toLowerCase()) {
      throw new ConflictProblemException('Change your own password at /api/auth/password.', { code: 'ownPassword' });
    }
    const passwordHash = await this.hasher.hash(input.password);
    await this.tx.run(actorOf(actor), async () => {
      if ((await this.users.lockVersion(id)) === null) throw new ResourceNotFoundException('User', id);
      const { localAccounts, breakGlassAccounts } = this.config.identity;
      const email = (await this.users.findById(id))?.email ?? '';
      // A password nobody may use would only look like a way in; such users sign in through the identity provider.
      if (localAccounts === 'break-glass' && !breakGlassAccounts.includes(email)) {
        throw new ConflictProblemException('Password sign-in is switched off for this user: only the break-glass accounts may have a password.', {
          code: 'passwordSignInOff',
        });
      }
      await this.users.setPassword(id, passwordHash);
      await this.sessions.deleteAllFor(id);
    });
  }

  /** Every department must exist, and be active unless the user has it already (`kept`). */
  private async checkDepartments(departmentIds: string[], kept: string[] = []): Promise<void> {
    const found = await this.departments.findByIds(departmentIds);
    if (found.length !== departmentIds.length)
      throw invalidField('departmentIds', 'unknownReference', 'departmentIds refers to a department that does not exist');
    if (found.some((department) => !department.active && !kept.includes(department.id)))
      throw invalidField('departmentIds', 'inactiveDepartment', 'departmentIds refers to a department that is no longer active');
  }
}
