import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldError, InvalidFieldsException, ProblemException, problem } from './problem';

/** Deeper than any body the API takes, and shallow enough for every recursive library that walks a body. */
export const MAX_JSON_NESTING_DEPTH = 32;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether the objects and arrays of a JSON text nest deeper than `maxDepth`; one pass, no recursion. */
export function exceedsNestingDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (++depth > maxDepth) return true;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

/** A UTF-16 surrogate without its partner: JSON can carry one (`"\ud800"`), UTF-8 and PostgreSQL cannot. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The name a whole body goes by in field errors, as in the ValidationPipe's. */
const ROOT_PATH = 'body';

/**
 * The path (`milestones.0.title`, as validation errors name fields) of every key and string value
 * that holds a lone surrogate. Walks with its own stack, so that no depth overflows it.
 */
export function pathsWithLoneSurrogates(value: unknown): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: current, path } = next;
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) found.push(path || ROOT_PATH);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        if (LONE_SURROGATE.test(key)) found.push(childPath);
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return found.sort();
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

type ParserDone = (error: Error | null, body?: unknown) => void;

/**
 * The JSON body parser of the API: Fastify's own (which refuses `__proto__` and
 * `constructor.prototype` keys), behind checks that the body is UTF-8, nests no deeper than
 * MAX_JSON_NESTING_DEPTH and holds no lone surrogates. Each refusal is a 400 problem.
 */
export function createJsonBodyParser(fastify: FastifyInstance) {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  // Fastify's default parser is the callback form of FastifyBodyParser.
  const parseSecurely = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error') as (
    request: FastifyRequest,
    body: string,
    done: ParserDone,
  ) => void;
  return (request: FastifyRequest, body: Buffer, done: ParserDone): void => {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      done(new ProblemException(problem(HttpStatus.BAD_REQUEST, 'The request body is not valid UTF-8.', { code: 'bodyNotUtf8' })));
      return;
    }
    if (exceedsNestingDepth(text, MAX_JSON_NESTING_DEPTH)) {
      done(
        new ProblemException(
          problem(HttpStatus.BAD_REQUEST, `The request body nests objects and arrays deeper than ${MAX_JSON_NESTING_DEPTH} levels.`, { code: 'bodyTooDeep' }),
        ),
      );
      return;
    }
    parseSecurely(request, text, (error, parsed) => {
      if (error) return done(error);
      const paths = pathsWithLoneSurrogates(parsed);
      if (paths.length > 0) {
        const message = 'must be valid Unicode text: it contains an unpaired surrogate (such as \\ud800)';
        return done(new InvalidFieldsException(Object.fromEntries(paths.map((path) => [path, [fieldError('invalidUnicode', `${path} ${message}`)]]))));
      }
      done(null, parsed);
    });
  };
}
