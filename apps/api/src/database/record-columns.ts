import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * The columns every stored record of the platform has (each table's migration declares them the
 * same way): an opaque id, when it was made and last changed, and a version that grows with each
 * change, for optimistic checks.
 */
export abstract class RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

/** A record with a name in Kazakh, Russian and English (columns name_kk, name_ru, name_en; at least one filled in). */
export abstract class NamedRecordColumns extends RecordColumns {
  @Column({ name: 'name_kk', type: 'text', nullable: true })
  nameKk!: string | null;

  @Column({ name: 'name_ru', type: 'text', nullable: true })
  nameRu!: string | null;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn!: string | null;
}
