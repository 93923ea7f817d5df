import type { Language } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../common/errors.js';
import { COLLATION } from '../common/localisation.js';
import { type ConnectionShape, decodeCursor, toConnection } from '../common/pagination.js';
import { CentreEntity } from './centre.entity.js';
import { toCentre } from './centre.mapper.js';
import type { Centre } from './dto/centre.object.js';
import { CentreOrderField, type CentreFilter, type CentresArgs, OrderDirection } from './dto/centres.args.js';

@Injectable()
export class CentresService {
  constructor(@InjectRepository(CentreEntity) private readonly centres: Repository<CentreEntity>) {}

  async getCentre(id: string): Promise<Centre> {
    const centre = await this.centres.findOneBy({ id });
    if (!centre) throw new NotFoundError('Centre', id);
    return toCentre(centre);
  }

  async listCentres(args: CentresArgs, language: Language): Promise<ConnectionShape<Centre>> {
    const field = args.orderBy?.field ?? CentreOrderField.NAME;
    const direction = args.orderBy?.direction ?? OrderDirection.ASC;
    const sortKey = field === CentreOrderField.NAME ? localisedName('c', language) : 'c.code';
    // The regional centre (no parent) first, then the chosen key; id breaks ties so the order is total.
    const keys = ['(c.parent_id IS NOT NULL)', sortKey, 'c.id'];
    const ordering = `${field}:${direction}:${field === CentreOrderField.NAME ? language : ''}`;

    const filtered = this.centres.createQueryBuilder('c');
    applyFilter(filtered, args.filter);

    const page = filtered.clone().select('c').addSelect(sortKey, 'sort_key');
    if (args.after) {
      const [rootLast, key, id] = decodeCursor(args.after, ordering, 3);
      const comparison = direction === OrderDirection.ASC ? '>' : '<';
      // "After this row": the root-first flag always ascends; (key, id) follow the chosen direction.
      page.andWhere(
        `(${keys[0]} > :rootLast OR (${keys[0]} = :rootLast AND (${sortKey}, c.id) ${comparison} (:key, :id)))`,
        { rootLast, key, id },
      );
    }
    for (const key of keys) page.addOrderBy(key, key === keys[0] ? 'ASC' : direction);
    page.limit(args.first + 1);

    const { entities, raw } = await page.getRawAndEntities<{ sort_key: string }>();
    const rows = entities.map((entity, index) => ({ entity, sortKey: raw[index]?.sort_key ?? '' }));
    return toConnection(
      rows,
      args,
      ordering,
      (row) => [row.entity.parentId !== null, row.sortKey, row.entity.id],
      (row) => toCentre(row.entity),
      () => filtered.getCount(),
    );
  }

  /** For the DataLoader: centres by id, in the order asked for (null where none). */
  async findByIds(ids: readonly string[]): Promise<(Centre | null)[]> {
    const found = await this.centres.findBy({ id: In([...ids]) });
    const byId = new Map(found.map((centre) => [centre.id, toCentre(centre)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** For the DataLoader: the children of each parent, by name in the given language. */
  async findChildren(parentIds: readonly string[], language: Language): Promise<Centre[][]> {
    const children = await this.centres
      .createQueryBuilder('c')
      .where('c.parent_id IN (:...parentIds)', { parentIds })
      .orderBy(localisedName('c', language), 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    const byParent = new Map<string, Centre[]>(parentIds.map((id) => [id, []]));
    for (const child of children) byParent.get(child.parentId ?? '')?.push(toCentre(child));
    return parentIds.map((id) => byParent.get(id) ?? []);
  }
}

/** The name in a language, falling back as the domain says (Russian, Kazakh, English), sorted by that language's rules. */
function localisedName(alias: string, language: Language): string {
  const column = (lang: Language) => `nullif(btrim(${alias}.name_${lang}), '')`;
  return `coalesce(${column(language)}, ${column('ru')}, ${column('kk')}, ${column('en')}) COLLATE "${COLLATION[language]}"`;
}

function applyFilter(query: SelectQueryBuilder<CentreEntity>, filter: CentreFilter | undefined): void {
  if (!filter) return;
  if (filter.centreId && filter.includeSubtree) {
    query.andWhere(
      `c.id IN (
        WITH RECURSIVE subtree AS (
          SELECT id FROM centre WHERE id = :centreId
          -- UNION, not UNION ALL: should a cycle ever slip in, the walk still ends.
          UNION
          SELECT child.id FROM centre child JOIN subtree ON child.parent_id = subtree.id
        )
        SELECT id FROM subtree
      )`,
      { centreId: filter.centreId },
    );
  } else if (filter.centreId) {
    query.andWhere('c.id = :centreId', { centreId: filter.centreId });
  }
  if (filter.parentId) query.andWhere('c.parent_id = :parentId', { parentId: filter.parentId });
  if (filter.kinds?.length) query.andWhere('c.kind IN (:...kinds)', { kinds: filter.kinds });
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query.andWhere(
      new Brackets((where) => {
        for (const column of ['name_kk', 'name_ru', 'name_en', 'town_kk', 'town_ru', 'town_en']) {
          where.orWhere(`c.${column} ILIKE :pattern`, { pattern });
        }
      }),
    );
  }
}
