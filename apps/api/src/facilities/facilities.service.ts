import type { Language } from '@mrc/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { type AuditedRecordType, AuditedWrites } from '../audit/audited-writes.js';
import type { Actor } from '../auth/actor.js';
import { applyCentreScope } from '../centres/centre-scope.js';
import { lockOpenCentre } from '../centres/open-centre.js';
import { NotFoundError } from '../common/errors.js';
import { localisedNameSql, nameColumns } from '../common/localisation.js';
import { type ConnectionShape, keysetConnection } from '../common/pagination.js';
import { groupByKey } from '../common/grouping.js';
import { type CloseRecordInput, closeRecord, reopenRecord } from '../common/records.js';
import type { EquipmentItem } from './dto/equipment-item.object.js';
import type {
  CreateEquipmentItemInput,
  CreateSpaceInput,
  EquipmentItemsArgs,
  SpacesArgs,
  UpdateEquipmentItemInput,
  UpdateSpaceInput,
} from './dto/facility.inputs.js';
import type { Space } from './dto/space.object.js';
import { EquipmentItemEntity } from './equipment-item.entity.js';
import { toEquipmentItem, toSpace } from './facility.mapper.js';
import { SpaceEntity } from './space.entity.js';

const SPACE_RECORD: AuditedRecordType<SpaceEntity> = {
  entity: SpaceEntity,
  type: 'Space',
  fields: ['centreId', 'kind', 'nameKk', 'nameRu', 'nameEn', 'capacity', 'closedOn'],
  policyRecord: (space) => ({ centreId: space.centreId }),
};

const EQUIPMENT_RECORD: AuditedRecordType<EquipmentItemEntity> = {
  entity: EquipmentItemEntity,
  type: 'Equipment',
  fields: ['centreId', 'kind', 'nameKk', 'nameRu', 'nameEn', 'quantity', 'closedOn'],
  policyRecord: (item) => ({ centreId: item.centreId }),
};

type Facility = typeof SpaceEntity | typeof EquipmentItemEntity;

/** A centre's spaces and the equipment it lends: both named things of one centre, open or closed. */
@Injectable()
export class FacilitiesService {
  constructor(
    @InjectRepository(SpaceEntity) private readonly spaces: Repository<SpaceEntity>,
    @InjectRepository(EquipmentItemEntity) private readonly equipment: Repository<EquipmentItemEntity>,
    private readonly writes: AuditedWrites,
  ) {}

  async getSpace(id: string): Promise<Space> {
    const space = await this.spaces.findOneBy({ id });
    if (!space) throw new NotFoundError('Space', id);
    return toSpace(space);
  }

  async getEquipmentItem(id: string): Promise<EquipmentItem> {
    const item = await this.equipment.findOneBy({ id });
    if (!item) throw new NotFoundError('EquipmentItem', id);
    return toEquipmentItem(item);
  }

  listSpaces(args: SpacesArgs, language: Language): Promise<ConnectionShape<Space>> {
    return this.list(this.spaces, args, language, toSpace);
  }

  listEquipmentItems(args: EquipmentItemsArgs, language: Language): Promise<ConnectionShape<EquipmentItem>> {
    return this.list(this.equipment, args, language, toEquipmentItem);
  }

  /** For the DataLoaders: each centre's spaces (closed ones too), by name. */
  spacesOfCentres(centreIds: readonly string[], language: Language): Promise<Space[][]> {
    return this.ofCentres(SpaceEntity, centreIds, language, toSpace);
  }

  equipmentOfCentres(centreIds: readonly string[], language: Language): Promise<EquipmentItem[][]> {
    return this.ofCentres(EquipmentItemEntity, centreIds, language, toEquipmentItem);
  }

  async createSpace(actor: Actor, input: CreateSpaceInput): Promise<Space> {
    const space = await this.writes.create(actor, SPACE_RECORD, { centreId: input.centreId }, async (manager) => {
      await lockOpenCentre(manager, input.centreId);
      return manager.create(SpaceEntity, { centreId: input.centreId, kind: input.kind, ...nameColumns(input.names), capacity: input.capacity, closedOn: null });
    });
    return toSpace(space);
  }

  async updateSpace(actor: Actor, input: UpdateSpaceInput): Promise<Space> {
    const space = await this.writes.update(actor, SPACE_RECORD, input.id, 'UPDATE_SPACE', (record) => {
      if (input.kind) record.kind = input.kind;
      if (input.names) Object.assign(record, nameColumns(input.names));
      if (input.capacity !== undefined && input.capacity !== null) record.capacity = input.capacity;
    });
    return toSpace(space);
  }

  async closeSpace(actor: Actor, input: CloseRecordInput): Promise<Space> {
    return toSpace(await this.writes.update(actor, SPACE_RECORD, input.id, 'CLOSE_SPACE', (record) => closeRecord(record, input)));
  }

  async reopenSpace(actor: Actor, id: string): Promise<Space> {
    const space = await this.writes.update(actor, SPACE_RECORD, id, 'REOPEN_SPACE', async (record, manager) => {
      await lockOpenCentre(manager, record.centreId);
      reopenRecord(record);
    });
    return toSpace(space);
  }

  async createEquipmentItem(actor: Actor, input: CreateEquipmentItemInput): Promise<EquipmentItem> {
    const item = await this.writes.create(actor, EQUIPMENT_RECORD, { centreId: input.centreId }, async (manager) => {
      await lockOpenCentre(manager, input.centreId);
      return manager.create(EquipmentItemEntity, { centreId: input.centreId, kind: input.kind, ...nameColumns(input.names), quantity: input.quantity, closedOn: null });
    });
    return toEquipmentItem(item);
  }

  async updateEquipmentItem(actor: Actor, input: UpdateEquipmentItemInput): Promise<EquipmentItem> {
    const item = await this.writes.update(actor, EQUIPMENT_RECORD, input.id, 'UPDATE_EQUIPMENT', (record) => {
      if (input.kind) record.kind = input.kind;
      if (input.names) Object.assign(record, nameColumns(input.names));
      if (input.quantity !== undefined && input.quantity !== null) record.quantity = input.quantity;
    });
    return toEquipmentItem(item);
  }

  async closeEquipmentItem(actor: Actor, input: CloseRecordInput): Promise<EquipmentItem> {
    return toEquipmentItem(await this.writes.update(actor, EQUIPMENT_RECORD, input.id, 'CLOSE_EQUIPMENT', (record) => closeRecord(record, input)));
  }

  async reopenEquipmentItem(actor: Actor, id: string): Promise<EquipmentItem> {
    const item = await this.writes.update(actor, EQUIPMENT_RECORD, id, 'REOPEN_EQUIPMENT', async (record, manager) => {
      await lockOpenCentre(manager, record.centreId);
      reopenRecord(record);
    });
    return toEquipmentItem(item);
  }

  /** Network-wide lists: by centre name, then by name, in the caller's language. */
  private list<E extends SpaceEntity | EquipmentItemEntity, Node>(
    repository: Repository<E>,
    args: SpacesArgs | EquipmentItemsArgs,
    language: Language,
    toNode: (entity: E) => Node,
  ): Promise<ConnectionShape<Node>> {
    const query = repository.createQueryBuilder('f').innerJoin('centre', 'c', 'c.id = f.centre_id');
    const filter = args.filter;
    applyCentreScope(query, 'f.centre_id', filter);
    if (filter?.kinds?.length) query.andWhere('f.kind IN (:...kinds)', { kinds: filter.kinds });
    if (!filter?.includeClosed) query.andWhere('f.closed_on IS NULL');
    return keysetConnection(
      query,
      { keys: [localisedNameSql('c', language), localisedNameSql('f', language)], id: 'f.id', descending: false, ordering: `centre-name:${language}` },
      args,
      toNode,
    );
  }

  private async ofCentres<E extends SpaceEntity | EquipmentItemEntity, Node>(
    entity: Facility,
    centreIds: readonly string[],
    language: Language,
    toNode: (entity: E) => Node,
  ): Promise<Node[][]> {
    const rows = (await this.spaces.manager
      .createQueryBuilder(entity, 'f')
      .where({ centreId: In([...centreIds]) })
      .orderBy(localisedNameSql('f', language), 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany()) as E[];
    return groupByKey(centreIds, rows, (row) => row.centreId, toNode);
  }
}

