import type { LocalisedText } from '@mrc/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A kind of interest club in the regional catalogue (dombra, oratory, ...), as stored. */
@Entity({ name: 'club_type' })
export class ClubTypeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ name: 'name_kk', type: 'text', nullable: true })
  nameKk!: string | null;

  @Column({ name: 'name_ru', type: 'text', nullable: true })
  nameRu!: string | null;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalisedText | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
