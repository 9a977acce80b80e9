import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795000000000 implements MigrationInterface {
  name = 'InitialSchema1795000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TYPE initiative_status AS ENUM ('idea', 'planned', 'in_progress', 'on_hold', 'completed', 'cancelled');
      CREATE TYPE health AS ENUM ('on_track', 'at_risk', 'off_track');
      CREATE TYPE partner_type AS ENUM (
        'citizen_group', 'volunteer_organisation', 'company', 'civil_society_association', 'public_body', 'other'
      );

      CREATE TABLE department (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(10) NOT NULL,
        name varchar(120) NOT NULL,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_department_code UNIQUE (code),
        CONSTRAINT uq_department_name UNIQUE (name)
      );

      CREATE TABLE action_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        co_creation_date date,
        co_creation_method varchar(200) NOT NULL DEFAULT '',
        participants_citizens integer NOT NULL DEFAULT 0 CHECK (participants_citizens >= 0),
        participants_volunteers integer NOT NULL DEFAULT 0 CHECK (participants_volunteers >= 0),
        participants_companies integer NOT NULL DEFAULT 0 CHECK (participants_companies >= 0),
        participants_civil_society integer NOT NULL DEFAULT 0 CHECK (participants_civil_society >= 0),
        participants_staff integer NOT NULL DEFAULT 0 CHECK (participants_staff >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT uq_action_plan_title UNIQUE (title)
      );

      CREATE TABLE goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_plan_id uuid NOT NULL REFERENCES action_plan (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_goal_title_per_plan UNIQUE (action_plan_id, title)
      );

      CREATE TABLE initiative (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_plan_id uuid NOT NULL REFERENCES action_plan (id) ON DELETE RESTRICT,
        goal_id uuid REFERENCES goal (id) ON DELETE SET NULL,
        title varchar(200) NOT NULL,
        summary varchar(1000) NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        lead_department_id uuid NOT NULL REFERENCES department (id) ON DELETE RESTRICT,
        owner_name varchar(120) NOT NULL DEFAULT '',
        status initiative_status NOT NULL DEFAULT 'planned',
        health health NOT NULL DEFAULT 'on_track',
        start_date date,
        target_date date,
        published boolean NOT NULL DEFAULT false,
        public_summary varchar(1000) NOT NULL DEFAULT '',
        internal_notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT ck_initiative_target_after_start CHECK (target_date >= start_date)
      );
      CREATE INDEX ix_initiative_action_plan ON initiative (action_plan_id);
      CREATE INDEX ix_initiative_goal ON initiative (goal_id);
      CREATE INDEX ix_initiative_lead_department ON initiative (lead_department_id);

      CREATE TABLE initiative_department (
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department (id) ON DELETE RESTRICT,
        PRIMARY KEY (initiative_id, department_id)
      );
      CREATE INDEX ix_initiative_department_department ON initiative_department (department_id);

      CREATE TABLE milestone (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        due_date date,
        completed_date date,
        weight integer NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 100),
        position integer NOT NULL DEFAULT 0 CHECK (position >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX ix_milestone_initiative ON milestone (initiative_id, position);

      CREATE TABLE status_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        period_start date NOT NULL,
        period_end date NOT NULL,
        health health NOT NULL,
        narrative text NOT NULL,
        blockers text NOT NULL DEFAULT '',
        next_steps text NOT NULL DEFAULT '',
        internal_text text NOT NULL DEFAULT '',
        public_text text NOT NULL DEFAULT '',
        author_name varchar(120) NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT ck_status_update_period CHECK (period_end >= period_start)
      );
      CREATE INDEX ix_status_update_initiative ON status_update (initiative_id, reported_at DESC);

      CREATE TABLE partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        type partner_type NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_partner_name UNIQUE (name)
      );

      CREATE TABLE initiative_partner (
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
        role varchar(500) NOT NULL DEFAULT '',
        public_consent boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (initiative_id, partner_id)
      );
      CREATE INDEX ix_initiative_partner_partner ON initiative_partner (partner_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE initiative_partner, partner, status_update, milestone, initiative_department, initiative, goal, action_plan, department;
      DROP TYPE partner_type, health, initiative_status;
    `);
  }
}
