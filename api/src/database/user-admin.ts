import { createInterface } from 'node:readline';
import { LIMITS, type UserRole } from '@fremdrift/contracts';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../core/auth/password-hasher';
import { attributeTo, SYSTEM_ACTOR } from '../core/database/transaction-runner';
import { dataSourceOptions } from './data-source-options';

export class UserInputError extends Error {}

export interface NewUser {
  email: string;
  displayName: string;
  role: UserRole;
  departmentCodes: string[];
  password: string;
}

/** Creates a user from the command line: the first admin of a new installation, say. */
export async function createUser(url: string, input: NewUser): Promise<{ id: string; email: string; role: UserRole }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > LIMITS.email.max) throw new UserInputError(`"${input.email}" is not an e-mail address.`);
  if (input.password.length < LIMITS.password.min || input.password.length > LIMITS.password.max) {
    throw new UserInputError(`The password must be ${LIMITS.password.min} to ${LIMITS.password.max} characters long.`);
  }
  const passwordHash = await new PasswordHasher().hash(input.password);
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      await attributeTo(manager, { ...SYSTEM_ACTOR, name: 'System (command line)' });
      const [existing] = await manager.query('SELECT 1 FROM app_user WHERE email = $1', [email]);
      if (existing) throw new UserInputError(`A user with the e-mail ${email} exists already.`);
      const departments: { id: string; code: string }[] = await manager.query('SELECT id, code FROM department WHERE code = ANY($1)', [
        input.departmentCodes.map((code) => code.toUpperCase()),
      ]);
      if (departments.length !== input.departmentCodes.length) {
        throw new UserInputError(`Unknown department code among: ${input.departmentCodes.join(', ')}.`);
      }
      const [{ id }] = await manager.query(
        'INSERT INTO app_user (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id',
        [email, input.displayName, passwordHash, input.role],
      );
      for (const department of departments) {
        await manager.query('INSERT INTO user_department (user_id, department_id) VALUES ($1, $2)', [id, department.id]);
      }
      return { id, email, role: input.role };
    });
  } finally {
    await dataSource.destroy();
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
