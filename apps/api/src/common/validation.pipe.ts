import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInputError, type FieldProblems } from './errors.js';
import { isProblemCode } from './problems.js';

/**
 * The one global ValidationPipe: every args/input class is a class-validator class, and a refusal
 * becomes BAD_USER_INPUT with a message per field (`extensions.fields`), nested inputs flattened
 * to dotted paths (`input.name.ru`). Text PostgreSQL cannot store is refused and ids are made
 * canonical first (InputValidationPipe).
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const names = Object.keys(fields);
      return new BadUserInputError(`Check ${names.length === 1 ? 'this field' : 'these fields'}: ${names.join(', ')}.`, fields);
    },
  });
}

/** Each failed field's first rule as a problem: its code (the rule's name) and its own English wording. */
function flatten(errors: ValidationError[], prefix = ''): FieldProblems {
  const fields: FieldProblems = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const [rule, message] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (rule && message) fields[path] = { code: isProblemCode(rule) ? rule : 'invalid', english: message };
    Object.assign(fields, flatten(error.children ?? [], path));
  }
  return fields;
}

/**
 * Two checks for every argument, before the input classes' own rules (both found by fuzzing):
 *
 * - Text PostgreSQL cannot store as given is refused at its field: a NUL character (text columns
 *   refuse it) or half of a UTF-16 surrogate pair (the driver silently stores U+FFFD instead, and a
 *   JSON column such as the audit trail's refuses the escape outright). Checked here once rather
 *   than field by field, since some fields lacked the check.
 * - Ids come in their canonical lower-case form. PostgreSQL reads `123F…` and `123f…` as the same
 *   uuid, but the code compares ids as strings: a record created with an upper-case centre id could
 *   not find its own centre again (a null for a non-null field, so INTERNAL_SERVER_ERROR), and a
 *   coordinator writing their own centre's id in capitals was refused as if it were another's.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (typeof value === 'string' || this.toValidate(metadata)) {
      const fields = unstorableText(value, typeof value === 'string' ? (metadata.data ?? '') : '', 0);
      const names = Object.keys(fields);
      if (names.length > 0) throw new BadUserInputError(`Check ${names.length === 1 ? 'this field' : 'these fields'}: ${names.join(', ')}.`, fields);
      value = canonicalIds(value, metadata.data, 0);
    }
    return super.transform(value, metadata);
  }
}

const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
/** Fields that hold record ids, as the schema names them: `id`, `centreId`, `centreIds`, … */
const ID_FIELD = /^(ids?|\w+Ids?)$/;

function canonicalIds(value: unknown, key: string | undefined, depth: number): unknown {
  if (typeof value === 'string') return key !== undefined && ID_FIELD.test(key) && UUID.test(value) ? value.toLowerCase() : value;
  if (depth > 10 || value === null || typeof value !== 'object') return value;
  // A list keeps the name of its field (`centreIds: [...]`).
  if (Array.isArray(value)) return value.map((item: unknown) => canonicalIds(item, key, depth + 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, canonicalIds(item, field, depth + 1)]));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorableText(value: unknown, path: string, depth: number): FieldProblems {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { [path || 'value']: { code: 'hasNoNul', english: 'must not contain NUL characters' } };
    if (LONE_SURROGATE.test(value)) return { [path || 'value']: { code: 'invalid', english: 'must be well-formed Unicode text' } };
    return {};
  }
  // Inputs nest a few levels at most; GraphQL's depth limit and the body size bound the rest.
  if (depth > 10 || value === null || typeof value !== 'object') return {};
  const fields: FieldProblems = {};
  for (const [key, item] of Object.entries(value)) Object.assign(fields, unstorableText(item, path ? `${path}.${key}` : key, depth + 1));
  return fields;
}
