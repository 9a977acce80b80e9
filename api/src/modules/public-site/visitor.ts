import { Injectable } from '@nestjs/common';
import type { UserRole } from '@fremdrift/contracts';
import { SESSION_COOKIE } from '@fremdrift/contracts';
import type { FastifyRequest } from 'fastify';
import { requestCookies } from '../../core/auth/session-cookies';
import { SessionsRepository } from '../../core/auth/sessions.repository';
import { LANGUAGE_COOKIE } from './layout';
import { isPublicLanguage, type PublicLanguage } from './public-site-texts';

export interface Visitor {
  lang: PublicLanguage;
  /** The signed-in user's role; null for an anonymous visitor or an ended session. */
  role: UserRole | null;
}

/** The language a visitor chose (the `fremdrift_lang` cookie, shared with the app); Danish otherwise. */
export function languageOf(request: FastifyRequest): PublicLanguage {
  const chosen = requestCookies(request)[LANGUAGE_COOKIE];
  return isPublicLanguage(chosen) ? chosen : 'da';
}

/** Who is looking at a public page. The session is looked up only when its cookie came, so anonymous visits cost no query. */
@Injectable()
export class Visitors {
  constructor(private readonly sessions: SessionsRepository) {}

  async of(request: FastifyRequest): Promise<Visitor> {
    const token = requestCookies(request)[SESSION_COOKIE];
    const user = token ? await this.sessions.findUser(token) : null;
    return { lang: languageOf(request), role: user?.role ?? null };
  }
}
