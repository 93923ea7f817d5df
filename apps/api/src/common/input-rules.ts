import { PERIOD_PATTERN } from '@mrc/domain';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsDefined, IsEmail, MaxDate, MinDate, ValidateBy, ValidateIf } from 'class-validator';

/**
 * Rules shared by the inputs of every feature, so a rule the database also enforces (a CHECK, a
 * NOT NULL) is met here first and the caller hears it at the field, not as a generic refusal.
 */

/** Strips surrounding spaces before validation: "   " is then empty, and "+ 7…" is checked as sent. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

const EARLIEST_DAY = new Date('1900-01-01T00:00:00Z');
const LATEST_DAY = new Date('2199-12-31T00:00:00Z');

/** A `Date` input within the years the network's records can span (1900–2199). */
export const IsDay = () =>
  applyDecorators(
    IsDate({ message: 'must be a date' }),
    MinDate(EARLIEST_DAY, { message: 'must not be before 1900-01-01' }),
    MaxDate(LATEST_DAY, { message: 'must not be after 2199-12-31' }),
  );

/**
 * For an update input's field that can be left out but not cleared: omitted keeps the value, null
 * is refused at the field (GraphQL cannot mark "optional but not null" on an input field).
 */
export const OmitOrGive = () =>
  applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    IsDefined({ message: 'cannot be cleared; leave it out to keep the current value' }),
  );

/** A rule of its own name, so a refusal carries a problem code of its own (common/problems.ts). */
const rule = (name: string, test: (value: unknown) => boolean, message: string) =>
  ValidateBy({ name, validator: { validate: test, defaultMessage: () => message } });

const matching = (pattern: RegExp) => (value: unknown) => typeof value === 'string' && pattern.test(value);

/** A record's stable key (`temirtau`, `dombra`): the shape every table's code CHECK asks for. */
export const IsCode = () =>
  rule('isCode', matching(/^[a-z0-9][a-z0-9-]{1,62}$/), 'must be 2–63 lower-case letters, digits or dashes, starting with a letter or digit');

/** PostgreSQL refuses NUL in text; the caller hears it at the field, not as a server failure. */
// eslint-disable-next-line no-control-regex
export const HasNoNul = () => rule('hasNoNul', matching(/^[^\u0000]*$/), 'must not contain NUL characters');

/** A telephone number as it is dialled: the shape the centre_phone_shape CHECK asks for. */
export const IsPhone = () =>
  rule('isPhone', matching(/^\+?[0-9 ()-]{5,30}$/), 'must be a telephone number: digits, spaces, brackets and dashes, optionally starting with +');

/** An email address, also in the shape the database checks (no spaces, a dot in the domain). */
export const IsEmailAddress = () =>
  applyDecorators(IsEmail({}, { message: 'must be an email address' }), rule('isEmail', matching(/^[^@\s]+@[^@\s]+\.[^@\s]+$/), 'must be an email address'));

/** A reporting period, `YYYY-MM` (its first month); whether it fits the period type is the service's check. */
export const IsPeriod = () => rule('isPeriod', matching(PERIOD_PATTERN), 'must be a period, YYYY-MM, from 2000-01 to 2099-12');

/** A client's idempotency key: 8–100 letters, digits, dashes or underscores (a UUID fits). */
export const IsIdempotencyKey = () => rule('isIdempotencyKey', matching(/^[A-Za-z0-9_-]{8,100}$/), 'must be 8–100 letters, digits, dashes or underscores, e.g. a UUID');

/** The most values one filter list takes: a longer list is a mistake, and each value is a query parameter. */
export const MAX_FILTER_VALUES = 100;

/** A filter's list of values (kinds, statuses, ids): at most MAX_FILTER_VALUES of them. */
export const IsFilterList = () => applyDecorators(IsArray(), ArrayMaxSize(MAX_FILTER_VALUES));
