import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { ApiProblems } from './api-responses';
import { invalidField, PreconditionRequiredException } from './problem';

/** `"7"` is version 7. Weak validators (`W/"7"`) are read the same way. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

const IF_MATCH = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/;

/** The version from the If-Match header: 428 when it is missing, 400 when it is not one of our ETags. */
export function parseIfMatch(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') throw new PreconditionRequiredException();
  const match = IF_MATCH.exec(value);
  if (!match) throw invalidField('If-Match', 'ifMatch', 'If-Match must be the ETag of the record, e.g. "3"');
  return Number(match[1]);
}

const IfMatchParam = createParamDecorator((_: unknown, context: ExecutionContext) =>
  parseIfMatch(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);

/** The version the client read, from If-Match; documented in OpenAPI with its 428. */
export function IfMatch(): ParameterDecorator {
  return IfMatchParam();
}

export const ApiIfMatch = () =>
  applyDecorators(ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the record as read, e.g. "3"' }), ApiProblems(428));

/** Sends a response's `version` as its ETag, so that the client can send it back in If-Match. */
@Injectable()
export class VersionETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') void reply.header('etag', etagOf(version));
        return body;
      }),
    );
  }
}

export const SendsVersionETag = () => UseInterceptors(VersionETagInterceptor);
