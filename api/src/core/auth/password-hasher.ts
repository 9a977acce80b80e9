import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), about 0.1 s per hash
 * here. WebAssembly rather than a native addon: the same code on every platform and Node version.
 * Hashes are PHC strings, so the parameters can be raised later without breaking old ones.
 */
export const ARGON2_PARAMETERS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

@Injectable()
export class PasswordHasher {
  /** Verified against when the e-mail is unknown, so that a miss takes as long as a wrong password. */
  private decoy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2id({ ...ARGON2_PARAMETERS, password, salt: randomBytes(16), outputType: 'encoded' });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    const target = hash ?? (await (this.decoy ??= this.hash('decoy password that matches nothing')));
    try {
      return (await argon2Verify({ password, hash: target })) && hash !== null;
    } catch {
      return false;
    }
  }
}
