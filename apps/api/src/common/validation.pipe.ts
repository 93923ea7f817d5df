import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInputError, type FieldProblems } from './errors.js';
import { isProblemCode } from './problems.js';

/**
 * The one global ValidationPipe: every args/input class is a class-validator class, and a refusal
 * becomes BAD_USER_INPUT with a message per field (`extensions.fields`), nested inputs flattened
 * to dotted paths (`input.name.ru`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
