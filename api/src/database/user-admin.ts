import { createInterface } from 'node:readline';
import { NestFactory } from '@nestjs/core';
import type { UserRole } from '@fremdrift/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppModule } from '../app.module';
import type { AppConfig } from '../core/config/app-config';
import { PG_ERROR, pgErrorOf } from '../core/database/pg-error';
import { SYSTEM_ACTOR } from '../core/database/transaction-runner';
import { flattenValidationErrors } from '../core/http/validation';
import { DepartmentsRepository } from '../modules/departments/departments.repository';
import { CreateUserDto } from '../modules/users/dto/user.dto';
import { UsersService } from '../modules/users/users.service';

export class UserInputError extends Error {}

export interface NewUser {
  email: string;
  displayName: string;
  role: UserRole;
  departmentCodes: string[];
  password: string;
}

/**
 * Creates a user from the command line (the first admin of a new installation, say) through the
 * same validation and service as the API's POST /api/users.
 */
export async function createUser(config: AppConfig, url: string, input: NewUser): Promise<{ id: string; email: string; role: UserRole }> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: false });
  try {
    const departments = await app.get(DepartmentsRepository).findByCodes(input.departmentCodes.map((code) => code.toUpperCase()));
    if (departments.length !== new Set(input.departmentCodes.map((code) => code.toUpperCase())).size) {
      throw new UserInputError(`Unknown department code among: ${input.departmentCodes.join(', ')}.`);
    }
    const dto = plainToInstance(CreateUserDto, {
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      password: input.password,
      departmentIds: departments.map((department) => department.id),
    });
    const errors = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
    if (Object.keys(errors).length > 0)
      throw new UserInputError(
        Object.values(errors)
          .flat()
          .map((error) => error.message)
          .join('; '),
      );
    try {
      const user = await app.get(UsersService).create({ ...SYSTEM_ACTOR, name: 'System (command line)' }, dto);
      return { id: user.id, email: user.email, role: user.role };
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_ERROR.uniqueViolation) throw new UserInputError(`A user with the e-mail ${dto.email} exists already.`);
      throw error;
    }
  } finally {
    await app.close();
  }
}

/** Reads a password from the terminal without echoing it. */
export function readPassword(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!process.stdin.isTTY) {
      reject(new UserInputError('No terminal to ask for the password: set FREMDRIFT_PASSWORD.'));
      return;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (text: string) => write(text.startsWith(prompt) ? text : '');
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
