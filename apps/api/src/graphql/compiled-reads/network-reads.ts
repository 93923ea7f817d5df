import type { Language } from '@mrc/domain';
import type { ValidationPipe } from '@nestjs/common';
import type { CentresService } from '../../centres/centres.service.js';
import { CentresArgs } from '../../centres/dto/centres.args.js';
import { localisedNameSql } from '../../common/localisation.js';
import { ReportPeriodArgs } from '../../reports/dto/report-period.args.js';
import { withholdsPeopleCounts } from '../../reports/people-counts.js';
import type { Compiler, FieldAt, FieldSql, FieldTable } from './compiler.js';
import { jsonObject, jsonText, NotCompilable } from './compiler.js';

/**
 * The compilable part of the network, each field written as SQL that gives what its resolver gives:
 * the `centres` list (its `nodes` and `totalCount`), a centre's scalar fields, its clubs with their
 * types, and its report of a period. This is the dashboard's and the analysts' most repeated
 * nested read; everything else (cursors, a centre's parent, report lines…) runs through the resolvers.
 * When a resolver changes, its line here must change with it: compiled-reads.e2e-spec asks random
 * documents over these fields of both paths and fails on any difference.
 */
export function networkReads(services: { centres: CentresService; validation: ValidationPipe; reportPeriodType: string }): FieldTable {
  /**
   * Arguments checked and transformed by the same pipe as the resolvers' (a refusal: the resolvers
   * answer it, with its BAD_USER_INPUT). Nest hands @Args() to pipes as a non-'custom' kind, so validated.
   */
  const validated = async <T>(metatype: new () => T, args: Record<string, unknown>): Promise<T> => {
    try {
      return (await services.validation.transform(args, { type: 'query', metatype, data: undefined })) as T;
    } catch {
      throw new NotCompilable('arguments refused');
    }
  };
  /** A column as JSON, written as `jsonText.value` unless a cheaper writer of the same text is named. */
  const column = (name: string, write: (sql: string) => string = jsonText.value): FieldSql => ({ row }) => write(`${row}.${name}`);
  /** A text kept in three languages (`text` names its column in one), picked as pickLocalised picks it. */
  const localised = (text: (row: string, lang: Language) => string, otherwise: '' | null): FieldSql => ({ row, args, compiler }) =>
    jsonText.value(pickLocalisedSql((lang) => text(row, lang), language(args, compiler), otherwise));

  return {
    Query: {
      async centres({ args, node, compiler }) {
        // The resolvers' guard (@Policy('read', 'Centre')); clubs and their types below check theirs.
        if (!compiler.actor.ability.can('read', 'Centre')) return null;
        const valid = await validated(CentresArgs, args);
        const { filtered, page, order } = services.centres.centrePage(valid, compiler.language);
        const connection = compiler.alias('connection');
        const centre = compiler.alias('c');
        const selected = compiler.selection('CentreConnection', node.selectionSet);
        if (!selected) return null;
        const fields: [string, string][] = [];
        for (const [key, selection] of selected) {
          if (selection.name.value === 'totalCount') {
            const counted = filtered.clone().select('c.id');
            compiler.adopt(counted.getParameters());
            fields.push([key, `(SELECT count(*)::text FROM (${counted.getQuery()}) ${compiler.alias('counted')})`]);
          } else if (selection.name.value === 'nodes') {
            const object = await compiler.object('Centre', centre, selection.selectionSet);
            if (object === null) return null;
            // The page's ids numbered in its order; the window runs before LIMIT, over the same keys.
            const ids = page.clone().select('c.id', 'page_id').addSelect(`row_number() OVER (ORDER BY ${order})`, 'page_n').limit(valid.first);
            compiler.adopt(ids.getParameters());
            fields.push([key, `(SELECT ${jsonText.list(object, `${connection}.page_n`)}
              FROM (${ids.getQuery()}) ${connection} JOIN centre ${centre} ON ${centre}.id = ${connection}.page_id)`]);
          } else if (selection.name.value === '__typename') {
            fields.push([key, `'"CentreConnection"'`]);
          } else {
            return null;
          }
        }
        return jsonObject(fields);
      },
    },

    Centre: {
      id: column('id', jsonText.uuid),
      code: column('code'),
      kind: column('kind', jsonText.enumValue),
      phone: column('phone'),
      email: column('email'),
      latitude: column('latitude'),
      longitude: column('longitude'),
      openedOn: column('opened_on'),
      closedOn: column('closed_on'),
      name: localised((row, lang) => `${row}.name_${lang}`, ''),
      town: localised((row, lang) => `${row}.town_${lang}`, null),
      address: localised((row, lang) => `${row}.address ->> '${lang}'`, null),
      async clubs({ row, args, node, compiler }) {
        if (!compiler.actor.ability.can('read', 'Club') || !compiler.actor.ability.can('read', 'ClubType')) return null;
        const club = compiler.alias('k');
        const object = await compiler.object('Club', club, node.selectionSet);
        if (object === null) return null;
        // As CentreClubsResolver and ClubsService.clubsBy: by type name in the language, then id.
        const type = `${club}_type`;
        return `(SELECT ${jsonText.list(object, `${localisedNameSql(type, compiler.language)}, ${club}.id`)}
          FROM club ${club} JOIN club_type ${type} ON ${type}.id = ${club}.club_type_id
          WHERE ${club}.centre_id = ${row}.id${args.includeClosed === true ? '' : ` AND ${club}.status <> 'CLOSED'`})`;
      },
      async report({ row, args, node, compiler }) {
        // CentreReportsResolver refuses another centre's coordinator per centre: only a reader of every
        // centre's reports gets the compiled answer.
        if (!readsEveryRecord(compiler, 'Report')) return null;
        const { period } = await validated(ReportPeriodArgs, args);
        const report = compiler.alias('r');
        const object = await compiler.object('ActivityReport', report, node.selectionSet);
        if (object === null) return null;
        return `coalesce((SELECT ${object} FROM activity_report ${report}
          WHERE ${report}.centre_id = ${row}.id AND ${report}.period = ${compiler.param(period)} AND ${report}.period_type = ${compiler.param(services.reportPeriodType)}), 'null')`;
      },
    },

    Club: {
      id: column('id', jsonText.uuid),
      status: column('status', jsonText.enumValue),
      startedOn: column('started_on'),
      closedOn: column('closed_on'),
      leaderName: column('leader_name'),
      name: localised((row, lang) => `${row}_type.name_${lang}`, ''),
      schedule: localised((row, lang) => `${row}.schedule ->> '${lang}'`, null),
      // The type is joined beside each club (Centre.clubs) as `<club>_type`.
      type: ({ row, node, compiler }) => compiler.object('ClubType', `${row}_type`, node.selectionSet),
    },

    ClubType: {
      id: column('id', jsonText.uuid),
      code: column('code'),
      closedOn: column('closed_on'),
      name: localised((row, lang) => `${row}.name_${lang}`, ''),
      description: localised((row, lang) => `${row}.description ->> '${lang}'`, null),
    },

    ActivityReport: {
      id: column('id', jsonText.uuid),
      period: column('period'),
      periodType: column('period_type', jsonText.enumValue),
      state: column('state', jsonText.enumValue),
      version: column('version', jsonText.integer),
      eventsHeld: column('events_held', jsonText.integer),
      reachedTotal: ({ row, compiler }) => (withholdsPeopleCounts(compiler.context) ? `'null'` : jsonText.integer(`${row}.reached_total`)),
      highlights: column('highlights'),
      reviewComment: column('review_comment'),
    },
  };
}

/** The `lang` argument, or the request's language. */
function language(args: FieldAt['args'], compiler: Compiler): Language {
  return (args.lang as Language | null | undefined) ?? compiler.language;
}

/**
 * What JavaScript's `trim()` removes (pickLocalised trims): PostgreSQL's btrim takes only spaces
 * unless told which characters.
 */
const JS_WHITESPACE = "E'\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008\\u2009\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF'";

/**
 * pickLocalised (packages/domain) in SQL: the text in the language, else Russian, Kazakh, English,
 * trimmed; `otherwise` when none has any (the resolvers give '' for names, null for the rest).
 */
function pickLocalisedSql(text: (lang: Language) => string, lang: Language, otherwise: '' | null): string {
  const order: Language[] = [lang, 'ru', 'kk', 'en'];
  const parts = order.map((candidate) => `nullif(btrim(${text(candidate)}, ${JS_WHITESPACE}), '')`);
  return `coalesce(${parts.join(', ')}${otherwise === '' ? ", ''" : ''})`;
}

/** Whether the signed-in person may read every record of a type, whatever its centre (no conditions, no field limits). */
function readsEveryRecord(compiler: Compiler, type: 'Report'): boolean {
  const rules = compiler.actor.ability.rulesFor('read', type);
  return rules.length > 0 && rules.every((rule) => !rule.inverted && !rule.conditions && !rule.fields);
}
