import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner's consent to be named publicly on an initiative records when and how it was given,
 * and when it was withdrawn. Consent that stands must have both a date and a method: links that
 * had consent before are dated by when they were made, by an unnamed method ('other'). The partner
 * register searches names without regard to case or accents (`search_fold`).
 */
export class PartnerConsent1795000000009 implements MigrationInterface {
  name = 'PartnerConsent1795000000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE consent_method AS ENUM ('email', 'form', 'workshop', 'other')`);
    // Lower case without accents, whatever the database's locale: "Ostjysk" finds "Østjysk", "cafe" finds "Café".
    await queryRunner.query(
      `CREATE FUNCTION search_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT replace(replace(lower(translate(value, 'ÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕØÚÙÛÜÝÇÑáàâäãåéèêëíìîïóòôöõøúùûüýÿçñ', 'aaaaaaeeeeiiiioooooouuuuycnaaaaaaeeeeiiiioooooouuuuyycn')), 'æ', 'ae'), 'Æ', 'ae')
       $$`,
    );
    await queryRunner.query(
      `ALTER TABLE initiative_partner
         ADD COLUMN consent_given_on date NULL,
         ADD COLUMN consent_method consent_method NULL,
         ADD COLUMN consent_withdrawn_on date NULL`,
    );
    await queryRunner.query(
      `UPDATE initiative_partner SET consent_given_on = (created_at AT TIME ZONE 'Europe/Copenhagen')::date, consent_method = 'other' WHERE public_consent`,
    );
    await queryRunner.query(
      `ALTER TABLE initiative_partner ADD CONSTRAINT ck_initiative_partner_consent
         CHECK (NOT public_consent OR (consent_given_on IS NOT NULL AND consent_method IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE initiative_partner DROP CONSTRAINT ck_initiative_partner_consent`);
    await queryRunner.query(`ALTER TABLE initiative_partner DROP COLUMN consent_withdrawn_on, DROP COLUMN consent_method, DROP COLUMN consent_given_on`);
    await queryRunner.query(`DROP FUNCTION search_fold(text)`);
    await queryRunner.query(`DROP TYPE consent_method`);
  }
}
