/**
 * The code of every error the API answers, in `Problem.code`: what a client translates. Each HTTP
 * status has a generic code; some conflicts and refusals have their own.
 */
export const PROBLEM_CODES = [
  'badRequest',
  'validation',
  'bodyNotUtf8',
  'bodyTooDeep',
  'invalidUrl',
  'unauthorized',
  'forbidden',
  'notFound',
  'methodNotAllowed',
  'notAcceptable',
  'requestTimeout',
  'conflict',
  'staleVersion',
  'nothingToReview',
  'lastAdmin',
  'ownPassword',
  'unique',
  'referenced',
  'payloadTooLarge',
  'uriTooLong',
  'unsupportedMediaType',
  'unprocessable',
  'preconditionRequired',
  'tooManyRequests',
  'headersTooLarge',
  'unexpected',
  'databaseUnavailable',
  'openMilestones',
  'importInvalid',
  'importChanged',
  'unreadableFile',
  'missingColumns',
  'tooManyRows',
  'alreadyReported',
  'nothingToCarryOver',
  'noLeadToRemind',
  'reminderAlreadySent',
  'passwordSignInOff',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * The code of every message about one field, in `Problem.errors`: class-validator's constraint
 * names for the shape of a request, and the API's own rules.
 */
export const FIELD_ERROR_CODES = [
  'isString',
  'isInt',
  'isBoolean',
  'isArray',
  'isIn',
  'isUuid',
  'isEmail',
  'isDateString',
  'isIsoDate',
  'isLength',
  'minLength',
  'maxLength',
  'min',
  'max',
  'matches',
  'arrayMaxSize',
  'arrayUnique',
  'nestedValidation',
  'whitelistValidation',
  'hasNoInvisibleCharacters',
  'invalidUnicode',
  'notAnObject',
  'unique',
  'unknownReference',
  'goalOfOtherPlan',
  'archivedPlan',
  'leadAlsoParticipating',
  'dateOrder',
  'notInFuture',
  'healthDropCause',
  'healthDropReason',
  'inactiveDelayCause',
  'inactiveDepartment',
  'reviewComment',
  'wrongPassword',
  'samePassword',
  'ifMatch',
  'cancellationReason',
  'consentDateRequired',
  'consentMethodRequired',
  'consentNotGiven',
  'samePartner',
  'leadDepartmentRequired',
  'departmentOnlyForLead',
  'followTarget',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** What is wrong with one field: a code to translate, its parameters, and an English message. */
export interface FieldError {
  code: FieldErrorCode;
  /** The constraint's limits, e.g. `{ min: 3, max: 200 }` for `isLength`. */
  params?: Record<string, string | number | readonly (string | number)[]>;
  message: string;
}
