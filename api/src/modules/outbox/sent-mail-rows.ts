import type { MailKind, OutboxState, SentMailRecord } from '@fremdrift/contracts';

/** A message recorded for one of its initiatives, as a query answers it: timestamps as `Date`, or as text inside JSON. */
export interface SentMailRow {
  id: string;
  initiative_id: string;
  kind: MailKind;
  recipient_user_id: string | null;
  recipient_name: string | null;
  to: string;
  state: OutboxState;
  created_at: Date | string;
  sent_at: Date | string | null;
}

export function toSentMailRecord(row: SentMailRow): SentMailRecord {
  return {
    messageId: row.id,
    initiativeId: row.initiative_id,
    kind: row.kind,
    recipientUserId: row.recipient_user_id,
    recipientName: row.recipient_name,
    to: row.to,
    state: row.state,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at === null ? null : new Date(row.sent_at).toISOString(),
  };
}

/** A row of latestSentSql: a message with the name of the group of kinds it is the latest of. */
export type LatestSentRow = SentMailRow & { group: string };
export type LatestSentRecord = SentMailRecord & { group: string };

export function toLatestSentRecord(row: LatestSentRow): LatestSentRecord {
  return { ...toSentMailRecord(row), group: row.group };
}

/**
 * The latest message of each initiative of `initiatives` and each group of kinds, with its group
 * (`group`): SQL expressions of the initiatives (uuid[]), and of each kind (varchar[]) with the name
 * of its group (text[]). Kept free of framework code, so that a statement of another module can
 * read it in the same round trip. Timestamps to the millisecond, as JavaScript keeps them, so that
 * a row read as `Date` and one read inside JSON give the same record.
 */
export function latestSentSql(initiatives: string, kinds: string, groups: string): string {
  return `SELECT DISTINCT ON (i.initiative_id, g.name) g.name AS "group", m.id, i.initiative_id, m.kind, m.recipient_user_id,
                u.display_name AS recipient_name, m."to", m.state,
                date_trunc('milliseconds', m.created_at) AS created_at, date_trunc('milliseconds', m.sent_at) AS sent_at
           FROM outbox_message m
          CROSS JOIN LATERAL unnest(m.initiative_ids) AS i(initiative_id)
           JOIN unnest(${kinds}, ${groups}) AS g(kind, name) ON g.kind = m.kind
           LEFT JOIN app_user u ON u.id = m.recipient_user_id
          WHERE m.initiative_ids && ${initiatives} AND i.initiative_id = ANY(${initiatives})
          ORDER BY i.initiative_id, g.name, coalesce(m.sent_at, m.created_at) DESC, m.created_at DESC, m.id`;
}

/** Each kind of `groups` with the name of its group, as latestSentSql reads them. */
export function kindsByGroup(groups: Readonly<Record<string, readonly MailKind[]>>): { kinds: string[]; groups: string[] } {
  const pairs = Object.entries(groups).flatMap(([group, members]) => members.map((kind) => [kind, group] as const));
  return { kinds: pairs.map(([kind]) => kind), groups: pairs.map(([, group]) => group) };
}
