import type { SpaceKind } from '@mrc/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A room of a centre, as stored. The GraphQL shape lives in dto/space.object.ts. */
@Entity({ name: 'space' })
export class SpaceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ type: 'text' })
  kind!: SpaceKind;

  @Column({ name: 'name_kk', type: 'text', nullable: true })
  nameKk!: string | null;

  @Column({ name: 'name_ru', type: 'text', nullable: true })
  nameRu!: string | null;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn!: string | null;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
