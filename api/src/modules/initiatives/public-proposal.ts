/** What the public sees of an initiative. */
export interface PublicFace {
  published: boolean;
  publicSummary: string;
}

/** A change to the public face that waits for approval; a field left as it is is null. */
export interface ProposedFace {
  published: boolean | null;
  publicSummary: string | null;
}

export interface PublicFaceOutcome {
  /** Applied at once. */
  apply: Partial<PublicFace>;
  /** The proposal afterwards: null when none is left, undefined when it stays as it was. */
  proposal: ProposedFace | null | undefined;
}

/**
 * How a write to an initiative's public face takes effect. Written by someone who publishes
 * directly, it applies at once and settles any proposal for the same fields. Otherwise it joins
 * the proposal that waits for management, and the public keeps the approved face; only taking an
 * initiative off the public page applies at once, since it exposes nothing.
 */
export function changePublicFace(approved: PublicFace, pending: ProposedFace | null, change: Partial<PublicFace>, direct: boolean): PublicFaceOutcome {
  const touched = (Object.keys(change) as (keyof PublicFace)[]).filter((field) => change[field] !== undefined);
  if (touched.length === 0) return { apply: {}, proposal: undefined };

  if (direct || (touched.length === 1 && change.published === false)) {
    const apply: Partial<PublicFace> = {};
    for (const field of touched) Object.assign(apply, { [field]: change[field] });
    if (!pending || touched.every((field) => pending[field] === null)) return { apply, proposal: undefined };
    return { apply, proposal: withoutSettled({ ...pending, ...Object.fromEntries(touched.map((field) => [field, null])) }) };
  }

  const apply: Partial<PublicFace> = change.published === false ? { published: false } : {};
  const merged: ProposedFace = { published: pending?.published ?? null, publicSummary: pending?.publicSummary ?? null };
  if (change.published === true) merged.published = approved.published ? null : true;
  if (change.published === false) merged.published = null;
  if (change.publicSummary !== undefined) merged.publicSummary = change.publicSummary === approved.publicSummary ? null : change.publicSummary;
  return { apply, proposal: withoutSettled(merged) };
}

/** The proposal, or null when it no longer proposes anything. */
function withoutSettled(proposal: ProposedFace): ProposedFace | null {
  return proposal.published === null && proposal.publicSummary === null ? null : proposal;
}

/** The public face after management approves a proposal. */
export function approvedFace(approved: PublicFace, proposal: ProposedFace): PublicFace {
  return { published: proposal.published ?? approved.published, publicSummary: proposal.publicSummary ?? approved.publicSummary };
}
