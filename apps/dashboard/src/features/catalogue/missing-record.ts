import { failureCode } from '../../app/apollo/error-code';

/** No such record: the id is unknown, or not an id at all (the API checks its shape first). */
export function isMissing(error: unknown): boolean {
  const code = failureCode(error);
  return code === 'NOT_FOUND' || code === 'BAD_USER_INPUT';
}
