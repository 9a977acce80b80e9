import { applyDecorators, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ISO_DATE_PATTERN, type FieldError, type FieldErrorCode } from '@fremdrift/contracts';
import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { getMetadataStorage, IsOptional, IsString, IsUUID, Length, MaxLength, registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { fieldError, InvalidFieldsException } from './problem';

/**
 * Nest's ValidationPipe validates a `null` body as if it were `{}` (an empty PATCH), and an array
 * or a number against a stand-in. A body that a DTO describes must be a JSON object; leaving it
 * out altogether stays allowed, for the routes whose every field is optional.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value !== undefined && !isJsonObject(value) && this.toValidate(metadata)) {
      throw new InvalidFieldsException({ body: [fieldError('notAnObject', 'body must be a JSON object')] });
    }
    return super.transform(value, metadata);
  }
}

const isJsonObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target (never sent to the client) tells which DTO's constraints gave the error: their limits become `params`.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new InvalidFieldsException(flattenValidationErrors(errors)),
  });
}

/** The arguments of a constraint, by name, where a translation of its message needs them. */
const PARAM_NAMES: Partial<Record<string, readonly string[]>> = {
  isLength: ['min', 'max'],
  minLength: ['min'],
  maxLength: ['max'],
  min: ['min'],
  max: ['max'],
  arrayMaxSize: ['max'],
  isIn: ['values'],
};

function constraintParams(error: ValidationError, constraint: string): FieldError['params'] | undefined {
  const names = PARAM_NAMES[constraint];
  const target = error.target?.constructor;
  if (!names || !target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((candidate) => candidate.propertyName === error.property && candidate.name === constraint);
  const args: unknown[] = metadata?.constraints ?? [];
  return Object.fromEntries(names.map((name, index) => [name, args[index] as string | number]));
}

/**
 * `{ "milestones.0.title": [{ code: "isLength", params: { min: 3, max: 200 }, message: "title must be …" }] }`
 * from class-validator's tree of errors: the code is the constraint's name.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Record<string, FieldError[]> {
  const result: Record<string, FieldError[]> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      result[path] = Object.entries(error.constraints).map(([constraint, message]) =>
        fieldError(constraint as FieldErrorCode, message, constraintParams(error, constraint)),
      );
    }
    if (error.children?.length) Object.assign(result, flattenValidationErrors(error.children, path));
  }
  return result;
}

/** A real calendar date in `YYYY-MM-DD` form (rejects `2026-02-30`). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a date in the form YYYY-MM-DD`, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || !ISO_DATE_PATTERN.test(value)) return false;
          const parsed = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
        },
      },
    });
}

/** Zero-width and bidirectional controls (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF …) and control characters. */
const INVISIBLE_CHARACTER = /[\p{Cf}\p{Cc}]/u;

/**
 * Refuses invisible characters in identifiers that people read and compare, such as e-mail
 * addresses: a right-to-left override makes one address look like another. Not for free text,
 * where marks such as U+200F belong in Arabic or Hebrew.
 */
export function HasNoInvisibleCharacters(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasNoInvisibleCharacters',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must not contain invisible or bidirectional control characters`, ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !INVISIBLE_CHARACTER.test(value),
      },
    });
}

/** Query-string booleans: `true`/`false`/`1`/`0`; anything else stays as is and fails `@IsBoolean`. */
export function ToBoolean(): PropertyDecorator {
  return Transform(({ value }) => {
    if (value === 'true' || value === '1' || value === true) return true;
    if (value === 'false' || value === '0' || value === false) return false;
    return value;
  });
}

/** Query-string lists: `?status=a&status=b` or `?status=a,b`. */
export function ToArray(): PropertyDecorator {
  return Transform(({ value }) => {
    const values = Array.isArray(value) ? value : [value];
    return values.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).filter((v) => v !== '');
  });
}

/** Query-string integers; a value that is not an integer stays as is and fails `@IsInt`. */
export function ToInt(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));
}

/** E-mail addresses are compared and stored in lower case. */
export function NormalizeEmail(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
}

/** Trims strings so that "  " counts as empty. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
}

/**
 * May be left out, but not sent as null: for fields whose column cannot be empty. (`@IsOptional()`
 * would let null through to the database.)
 */
export function IsOptionalNonNull(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}

/** May be left out or sent as null (to clear it); any other value is validated. */
export function IsNullable(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    ValidateIf((_, value) => value !== null),
  );
}

/** UUIDs compared as the database returns them: lower case. */
export function ToLowerCase(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string' ? value.toLowerCase() : Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)) : value,
  );
}

/** A required text between the limits, trimmed first: a title, a name. */
export function TextField(limits: { min: number; max: number }, api: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: limits.min, maxLength: limits.max, ...api } as ApiPropertyOptions),
    Trim(),
    IsString(),
    Length(limits.min, limits.max),
  );
}

/** A text that may be left out, but not sent as null, of at most `max` characters. */
export function OptionalTextField(max: number, api: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ maxLength: max, ...api } as ApiPropertyOptions), IsOptionalNonNull(), IsString(), MaxLength(max));
}

/** A short text that may be left out, or cleared with null or an empty string (stored as null); trimmed. */
export function NullableTextField(max: number, api: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: max, ...api } as ApiPropertyOptions),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value)),
    IsNullable(),
    IsString(),
    MaxLength(max),
  );
}

/** A calendar date that may be left out, or cleared with null. */
export function NullableDateField(api: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: String, format: 'date', nullable: true, ...api } as ApiPropertyOptions), IsNullable(), IsIsoDate());
}

/** A reference by UUID that must be given. */
export function UuidField(api: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(ApiProperty({ format: 'uuid', ...api } as ApiPropertyOptions), ToLowerCase(), IsUUID('all'));
}

/** A reference by UUID that may be left out, or cleared with null. */
export function NullableUuidField(api: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, ...api } as ApiPropertyOptions),
    IsNullable(),
    ToLowerCase(),
    IsUUID('all'),
  );
}
