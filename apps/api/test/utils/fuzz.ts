import fc from 'fast-check';
import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isUnionType,
} from 'graphql';

/**
 * fast-check arbitraries read off the running API's schema, so every input type, enum and field is
 * covered as the schema grows. Values are mostly of the right GraphQL type (they get past coercion and
 * reach the validation pipe, the services and PostgreSQL), shaped by the field's name where the API
 * expects a format (period, date, e-mail, password); half the time they are hostile instead: nulls,
 * wrong types, nasty text, unknown fields.
 */
export interface FuzzPools {
  /** Ids of real records by kind (`centre`, `club`, `report`, …), so changes reach existing rows. */
  ids: Record<RecordKind, string[]>;
  /** E-mail addresses of accounts that exist (none of the callers'). */
  emails: string[];
}

export type RecordKind = 'centre' | 'clubType' | 'club' | 'program' | 'programRun' | 'space' | 'equipmentItem' | 'report' | 'rolloutItem' | 'user';

/** Which kind of record an ID field names: by its own name (`clubTypeId`), else by the mutation or input it is in (`closeClub`'s `id`). */
function kindOf(fieldName: string, context: string): RecordKind | undefined {
  const named = fieldName === 'id' ? context : fieldName;
  const kinds: [RegExp, RecordKind][] = [
    [/user/i, 'user'],
    [/report/i, 'report'],
    [/rollout/i, 'rolloutItem'],
    [/programRun/i, 'programRun'],
    [/program/i, 'program'],
    [/clubType/i, 'clubType'],
    [/club/i, 'club'],
    [/space/i, 'space'],
    [/equipment/i, 'equipmentItem'],
    [/centre|parent/i, 'centre'],
  ];
  return kinds.find(([pattern]) => pattern.test(named))?.[1];
}

const STRONG_PASSWORDS = ['Lantern-steppe-river-91', 'Quiet-Balkhash-shore-2026', 'Steppe-wind-over-Temirtau-7'];

/** Text that has broken servers before: empty, blank, NUL, lone surrogates, right-to-left marks, long, SQL-ish. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '\ufeff',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂👩🏽‍💻',
  'Қарағанды облысы',
  "'; DROP TABLE centre; --",
  '%s%n%x',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'x'.repeat(5_000),
  'null',
  'undefined',
  '0',
  '-1',
  'NaN',
  '1e309',
];

const anyString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
);

const year = fc.integer({ min: 1990, max: 2035 });
const month = fc.integer({ min: 1, max: 12 });
const pad = (value: number) => String(value).padStart(2, '0');
const periodString = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(year, month).map(([y, m]) => `${y}-${pad(m)}`) },
  { weight: 1, arbitrary: fc.constantFrom('2026-00', '2026-13', '0000-01', '9999-12', '2026-1', '202601', '2026-01-01') },
);
const dateString = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(year, month, fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`) },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '+275760-09-13', '2026-1-1', '2026-01-01T00:00:00Z') },
);
const dateTimeString = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-01-01') }).map((date) => date.toISOString()),
  fc.constantFrom('2026-11-26T25:00:00Z', '2026-11-26', 'yesterday', '1970-01-01T00:00:00.000Z'),
);
const int32 = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -3, max: 120 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648) },
);
const float = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.5, 1e308, -1e-308));

/** A value of the wrong type for whatever field it lands in: coercion must refuse it with a code. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constantFrom({}, [], [[]], { nested: { deeper: [1, 'two'] } }, 2 ** 31, -(2 ** 53), 1e300),
);

/** Text a person might type into the field: gets past the validation pipe to the services and PostgreSQL. */
const plainText = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z ,.-]{0,30}$/),
  fc.constantFrom('Жастар орталығы', 'Молодёжный центр', 'Dombra club', 'Шахматы', '+7 7212 123456', 'ул. Ленина, 1'),
);

function stringFor(fieldName: string, pools: FuzzPools, hostile: boolean): fc.Arbitrary<string> {
  const name = fieldName.toLowerCase();
  const or = (plausible: fc.Arbitrary<string>) => (hostile ? fc.oneof({ weight: 1, arbitrary: plausible }, { weight: 2, arbitrary: anyString }) : plausible);
  if (name.includes('password')) return or(fc.constantFrom(...STRONG_PASSWORDS));
  if (name.includes('email')) return or(fc.oneof(fc.emailAddress(), fc.constantFrom(...pools.emails)));
  if (name.includes('period')) return or(periodString);
  if (name.includes('idempotency')) return or(fc.uuid());
  if (name === 'code') return or(fc.stringMatching(/^[a-z][a-z0-9-]{1,30}$/));
  if (name.includes('phone')) return or(fc.stringMatching(/^\+7 7[0-9]{3} [0-9]{6}$/));
  return or(plainText);
}

function scalarFor(typeName: string, fieldName: string, pools: FuzzPools, hostile: boolean, context: string): fc.Arbitrary<unknown> {
  const all = Object.values(pools.ids).flat();
  const kind = kindOf(fieldName, context);
  const pick = (ids: string[]) => fc.nat().map((index) => ids[index % ids.length]!);
  // Mostly a record of the kind the field names; now and then one of another kind.
  const poolId = kind && pools.ids[kind].length > 0 ? fc.oneof({ weight: 5, arbitrary: pick(pools.ids[kind]) }, { weight: 1, arbitrary: pick(all) }) : pick(all);
  switch (typeName) {
    case 'ID':
      return hostile
        ? fc.oneof(
            { weight: 4, arbitrary: poolId },
            { weight: 1, arbitrary: poolId.map((id) => id.toUpperCase()) },
            { weight: 2, arbitrary: fc.uuid() },
            { weight: 1, arbitrary: fc.constantFrom('', 'not-an-id', '00000000-0000-0000-0000-000000000000', '1') },
            { weight: 1, arbitrary: anyString },
          )
        : poolId;
    case 'String':
      return stringFor(fieldName, pools, hostile);
    case 'Int':
      return hostile ? int32 : fc.integer({ min: 0, max: 60 });
    case 'Float':
      return hostile ? float : fc.double({ min: 0, max: 1000, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return hostile ? fc.oneof({ weight: 3, arbitrary: dateString }, { weight: 1, arbitrary: anyString }) : dateString;
    case 'DateTime':
      return hostile ? fc.oneof({ weight: 3, arbitrary: dateTimeString }, { weight: 1, arbitrary: anyString }) : dateTimeString;
    default:
      // A scalar this fuzzer does not know yet: strings and numbers, which it must refuse or accept cleanly.
      return fc.oneof(anyString, int32);
  }
}

/**
 * A JSON value for a variable of `type`. Plausible values (`hostile` false) are of the right type and
 * shape, so whole inputs get past validation to the services and the database; hostile ones add
 * nulls, values of the wrong type, nasty text, unknown and missing fields.
 */
export function valueFor(type: GraphQLInputType, fieldName: string, pools: FuzzPools, hostile: boolean, depth = 0, context = ''): fc.Arbitrary<unknown> {
  // Arbitraries are immutable: one per place in the schema, built once (building them is most of the cost).
  const key = `${String(type)}|${fieldName}|${hostile}|${depth}|${context}`;
  let cached = valueCache.get(pools)?.get(key);
  if (!cached) {
    cached = buildValue(type, fieldName, pools, hostile, depth, context);
    if (!valueCache.has(pools)) valueCache.set(pools, new Map());
    valueCache.get(pools)!.set(key, cached);
  }
  return cached;
}

const valueCache = new WeakMap<FuzzPools, Map<string, fc.Arbitrary<unknown>>>();

function buildValue(type: GraphQLInputType, fieldName: string, pools: FuzzPools, hostile: boolean, depth: number, context: string): fc.Arbitrary<unknown> {
  const required = isNonNullType(type);
  const inner = required ? type.ofType : type;
  let arbitrary: fc.Arbitrary<unknown>;
  if (isListType(inner)) {
    arbitrary = fc.array(valueFor(inner.ofType, fieldName, pools, hostile, depth + 1, context), { maxLength: depth > 2 ? 2 : hostile ? 7 : 3 });
  } else if (isEnumType(inner)) {
    const values = fc.constantFrom(...inner.getValues().map((value) => value.name));
    arbitrary = hostile ? fc.oneof({ weight: 6, arbitrary: values }, { weight: 1, arbitrary: anyString }) : values;
  } else if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    // Deep inside, only the required fields, so a value stays finite.
    const chosen = depth > 3 ? fields.filter((field) => isNonNullType(field.type)) : fields;
    const shape = Object.fromEntries(chosen.map((field) => [field.name, valueFor(field.type, field.name, pools, hostile, depth + 1, `${context} ${inner.name}`)]));
    const record = fc.record(shape, { requiredKeys: chosen.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name) });
    arbitrary = hostile
      ? fc.oneof(
          { weight: 8, arbitrary: record },
          { weight: 1, arbitrary: fc.tuple(record, fc.string({ minLength: 1, maxLength: 8 }), wrongType).map(([value, key, extra]) => ({ ...value, [`x${key}`]: extra })) },
          { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
        )
      : record;
  } else {
    arbitrary = scalarFor(inner.name, fieldName, pools, hostile, context);
  }
  if (!hostile) return required ? arbitrary : fc.oneof({ weight: 12, arbitrary }, { weight: 1, arbitrary: fc.constant(null) });
  return fc.oneof({ weight: 16, arbitrary }, { weight: required ? 1 : 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongType });
}

/** The variables of a root field whose arguments are all passed as variables named after them. */
export function variablesFor(field: GraphQLField<unknown, unknown>, pools: FuzzPools): fc.Arbitrary<Record<string, unknown>> {
  return fc.boolean().chain((hostile) => {
    const shape = Object.fromEntries(field.args.map((arg) => [arg.name, valueFor(arg.type, arg.name, pools, hostile, 0, field.name)]));
    return fc.record(shape, { requiredKeys: field.args.filter(isRequiredArgument).map((arg) => arg.name) });
  });
}

/** `mutation($input: T!) { field(input: $input) { …selection } }` */
export function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, schema: GraphQLSchema): string {
  const declarations = field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''}${selectionOf(getNamedType(field.type), schema, 2)} }`;
}

/** Every field of a type that needs no arguments, two levels down: what a client typically asks of a payload. */
export function selectionOf(type: GraphQLNamedType, schema: GraphQLSchema, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) return ' { __typename }';
  const fields = Object.values((type as GraphQLObjectType).getFields()).filter((field) => field.args.every((arg) => !isRequiredArgument(arg)));
  const parts = fields.flatMap((field) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return [field.name];
    if (depth <= 0) return [];
    return [`${field.name}${selectionOf(named, schema, depth - 1)}`];
  });
  return ` { __typename ${parts.join(' ')} }`;
}

/** The printed GraphQL literal of a JSON value, with enum values bare where the type says enum. */
export function literalOf(value: unknown, type: GraphQLInputType | undefined): string {
  if (value === null || value === undefined) return 'null';
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) return `[${value.map((item) => literalOf(item, inner && isListType(inner) ? inner.ofType : undefined)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(key) ? key : 'bad_key'}: ${literalOf(item, fields[key]?.type)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string') return inner && isEnumType(inner) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return String(value);
}

/**
 * Random documents shaped by the schema: one to three root fields (queries, or mutations), with
 * literal arguments, aliases, fragments, directives, unknown fields, and selections of random depth.
 */
export function documentFor(schema: GraphQLSchema, pools: FuzzPools): fc.Arbitrary<{ query: string; variables: Record<string, unknown> }> {
  const query = schema.getQueryType()!;
  const mutation = schema.getMutationType()!;

  const memo = new Map<string, fc.Arbitrary<string>>();
  const remember = (key: string, build: () => fc.Arbitrary<string>) => {
    if (!memo.has(key)) memo.set(key, build());
    return memo.get(key)!;
  };

  /** `junk`: now and then a field the type lacks, an argument it does not take, a stray fragment. */
  const selection = (type: GraphQLNamedType, depth: number, junk: boolean): fc.Arbitrary<string> => remember(`selection ${type.name} ${depth} ${junk}`, () => {
    if (isLeafType(type)) return fc.constant('');
    if (isUnionType(type) || isInterfaceType(type) || !isObjectType(type)) return fc.constant(' { __typename }');
    const fields = Object.values(type.getFields());
    const valid = fc.constantFrom(...fields).chain((field) => fieldText(field, depth, junk));
    const one: fc.Arbitrary<string> = junk
      ? fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom('__typename', 'unknownField', 'id(x: 1)', '...on Query { __typename }', '... { __typename }') })
      : valid;
    return fc.array(one, { minLength: 1, maxLength: 3 }).map((parts) => ` { ${parts.join(' ')} }`);
  });

  const argumentsOf = (field: GraphQLField<unknown, unknown>, junk: boolean): fc.Arbitrary<string> => remember(`arguments ${String(field.type)} ${field.name} ${junk}`, () => {
    if (field.args.length === 0) return junk ? fc.constantFrom('', '(x: 1)') : fc.constant('');
    const given = field.args.map((arg) =>
      fc.option(valueFor(arg.type, arg.name, pools, junk, 0, field.name).map((value) => `${arg.name}: ${literalOf(value, arg.type)}`), { freq: isRequiredArgument(arg) ? 20 : 2 }),
    );
    return fc.tuple(...given).map((parts) => {
      const present = parts.filter((part): part is string => part !== null);
      return present.length > 0 ? `(${present.join(', ')})` : '';
    });
  });

  function fieldText(field: GraphQLField<unknown, unknown>, depth: number, junk: boolean): fc.Arbitrary<string> {
    return remember(`field ${String(field.type)} ${field.name} ${depth} ${junk}`, () => fieldTextOf(field, depth, junk));
  }

  function fieldTextOf(field: GraphQLField<unknown, unknown>, depth: number, junk: boolean): fc.Arbitrary<string> {
    const named = getNamedType(field.type);
    const below = isLeafType(named) ? fc.constant('') : depth <= 0 ? fc.constant(' { __typename }') : selection(named, depth - 1, junk);
    return fc
      .tuple(
        fc.option(fc.constantFrom('a', 'b', 'first', 'x1', 'centres', 'id', 'nodes'), { freq: 4 }),
        argumentsOf(field, junk),
        fc.constantFrom('', '', '', ' @include(if: true)', ' @skip(if: false)', ' @skip(if: true)'),
        below,
      )
      .map(([alias, args, directive, sub]) => `${alias ? `${alias}: ` : ''}${field.name}${args}${directive}${sub}`);
  }

  const operation = fc.tuple(fc.constantFrom<'query' | 'mutation'>('query', 'query', 'mutation'), fc.boolean()).chain(([kind, junk]) => {
    const root = kind === 'query' ? query : mutation;
    const fields = Object.values(root.getFields());
    return fc
      .tuple(
        fc.array(
          fc.constantFrom(...fields).chain((field) => fieldText(field, 3, junk)),
          { minLength: 1, maxLength: 2 },
        ),
        junk ? fc.constantFrom('', ' Named', ' Named($unused: Int)', '($v: String = "x")', '($v: NoSuchType)') : fc.constantFrom('', ' Named'),
      )
      .map(([parts, head]) => `${kind}${head} { ${parts.join(' ')} }`);
  });

  return fc.oneof(
    { weight: 8, arbitrary: operation.map((text) => ({ query: text, variables: {} })) },
    { weight: 1, arbitrary: fc.tuple(operation, operation).map(([first, second]) => ({ query: `${first}\n${second}`, variables: {} })) },
    { weight: 1, arbitrary: operation.map((text) => ({ query: `${text}\nfragment F on Query { __typename ...F }`, variables: {} })) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom('{', '}', '(', ')', '[', ']', 'query', 'mutation', 'subscription', 'fragment', 'on', '...', '$v', ':', '!', '=', '@skip', '"s"', '"""b"""', '1', '1.5e3', 'true', 'null', 'me', 'centres', 'nodes', 'id', '#', '\n', ','), {
          maxLength: 40,
        })
        .map((tokens) => ({ query: tokens.join(' '), variables: {} })),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ query: text, variables: {} })) },
  );
}
