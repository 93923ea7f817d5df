import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInputError } from './errors.js';

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

function flatten(errors: ValidationError[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) fields[path] = messages.join('; ');
    Object.assign(fields, flatten(error.children ?? [], path));
  }
  return fields;
}
