/** A reason for a drop in health, from the municipality's configurable list. */
export interface DelayCause {
  id: string;
  code: string;
  labelDa: string;
  labelEn: string;
  active: boolean;
  sortOrder: number;
}

export interface CreateDelayCause {
  code: string;
  labelDa: string;
  labelEn: string;
  sortOrder?: number;
}
export type UpdateDelayCause = Partial<CreateDelayCause> & { active?: boolean };
