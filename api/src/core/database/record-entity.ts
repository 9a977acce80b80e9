import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The columns every record has: a UUID, and when it was made and last changed. */
export abstract class RecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A record that clients change with If-Match: its version goes up with every write. */
export abstract class VersionedEntity extends RecordEntity {
  @VersionColumn()
  version: number;
}
