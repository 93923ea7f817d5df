import type { Language } from '@mrc/domain';
import type { ValidationPipe } from '@nestjs/common';
import type { CentresService } from '../../centres/centres.service.js';
import { CentresArgs } from '../../centres/dto/centres.args.js';
import { localisedNameSql } from '../../common/localisation.js';
import { ReportPeriodArgs } from '../../reports/dto/report-period.args.js';
import { withholdsPeopleCounts } from '../../reports/people-counts.js';
import type { Compiler, FieldAt, FieldSql, FieldTable } from './compiler.js';
import { NotCompilable } from './compiler.js';

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
  const column = (name: string): FieldSql => ({ row }) => `${row}.${name}`;

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
        const parts: string[] = [];
        for (const [key, selection] of selected) {
          if (selection.name.value === 'totalCount') {
            const counted = filtered.clone().select('c.id');
            compiler.adopt(counted.getParameters());
            parts.push(`'${key}', (SELECT count(*)::int FROM (${counted.getQuery()}) ${compiler.alias('counted')})`);
          } else if (selection.name.value === 'nodes') {
            const object = await compiler.object('Centre', centre, selection.selectionSet);
            if (object === null) return null;
            // The page's ids numbered in its order; the window runs before LIMIT, over the same keys.
            const ids = page.clone().select('c.id', 'page_id').addSelect(`row_number() OVER (ORDER BY ${order})`, 'page_n').limit(valid.first);
            compiler.adopt(ids.getParameters());
            parts.push(`'${key}', (SELECT coalesce(json_agg(${object} ORDER BY ${connection}.page_n), '[]'::json)
              FROM (${ids.getQuery()}) ${connection} JOIN centre ${centre} ON ${centre}.id = ${connection}.page_id)`);
          } else if (selection.name.value === '__typename') {
            parts.push(`'${key}', 'CentreConnection'::text`);
          } else {
            return null;
          }
        }
        return `json_build_object(${parts.join(', ')})`;
      },
    },

    Centre: {
      id: column('id'),
      code: column('code'),
      kind: column('kind'),
      phone: column('phone'),
      email: column('email'),
      latitude: column('latitude'),
      longitude: column('longitude'),
      openedOn: column('opened_on'),
      closedOn: column('closed_on'),
      name: ({ row, args, compiler }) => pickLocalisedSql((lang) => `${row}.name_${lang}`, language(args, compiler), ''),
      town: ({ row, args, compiler }) => pickLocalisedSql((lang) => `${row}.town_${lang}`, language(args, compiler), null),
      address: ({ row, args, compiler }) => pickLocalisedSql((lang) => `${row}.address ->> '${lang}'`, language(args, compiler), null),
      async clubs({ row, args, node, compiler }) {
        if (!compiler.actor.ability.can('read', 'Club') || !compiler.actor.ability.can('read', 'ClubType')) return null;
        const club = compiler.alias('k');
        const object = await compiler.object('Club', club, node.selectionSet);
        if (object === null) return null;
        // As CentreClubsResolver and ClubsService.clubsBy: by type name in the language, then id.
        const type = `${club}_type`;
        return `(SELECT coalesce(json_agg(${object} ORDER BY ${localisedNameSql(type, compiler.language)}, ${club}.id), '[]'::json)
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
        return `(SELECT ${object} FROM activity_report ${report}
          WHERE ${report}.centre_id = ${row}.id AND ${report}.period = ${compiler.param(period)} AND ${report}.period_type = ${compiler.param(services.reportPeriodType)})`;
      },
    },

    Club: {
      id: column('id'),
      status: column('status'),
      startedOn: column('started_on'),
      closedOn: column('closed_on'),
      leaderName: column('leader_name'),
      name: ({ row, args, compiler }) => pickLocalisedSql((lang) => `${row}_type.name_${lang}`, language(args, compiler), ''),
      schedule: ({ row, args, compiler }) => pickLocalisedSql((lang) => `${row}.schedule ->> '${lang}'`, language(args, compiler), null),
      // The type is joined beside each club (Centre.clubs) as `<club>_type`.
      type: ({ row, node, compiler }) => compiler.object('ClubType', `${row}_type`, node.selectionSet),
    },

    ClubType: {
      id: column('id'),
      code: column('code'),
      closedOn: column('closed_on'),
      name: ({ row, args, compiler }) => pickLocalisedSql((lang) => `${row}.name_${lang}`, language(args, compiler), ''),
      description: ({ row, args, compiler }) => pickLocalisedSql((lang) => `${row}.description ->> '${lang}'`, language(args, compiler), null),
    },

    ActivityReport: {
      id: column('id'),
      period: column('period'),
      periodType: column('period_type'),
      state: column('state'),
      version: column('version'),
      eventsHeld: column('events_held'),
      reachedTotal: ({ row, compiler }) => (withholdsPeopleCounts(compiler.context) ? 'NULL::int' : `${row}.reached_total`),
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
