import type { CentreKind, LocalisedText } from '@mrc/domain';
import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { NamedRecordColumns } from '../database/record-columns.js';

/** A youth resource centre, as stored. The GraphQL shape lives apart in dto/centre.object.ts. */
@Entity({ name: 'centre' })
export class CentreEntity extends NamedRecordColumns {
  /** A stable, human-readable key (for seed data and exports); ids are what the API hands out. */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  kind!: CentreKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => CentreEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<CentreEntity> | null;

  @Column({ name: 'town_kk', type: 'text', nullable: true })
  townKk!: string | null;

  @Column({ name: 'town_ru', type: 'text', nullable: true })
  townRu!: string | null;

  @Column({ name: 'town_en', type: 'text', nullable: true })
  townEn!: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  /** 'YYYY-MM-DD'; pg hands `date` columns over as strings, which keeps them free of time zones. */
  @Column({ name: 'opened_on', type: 'date', nullable: true })
  openedOn!: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address!: LocalisedText | null;
}
