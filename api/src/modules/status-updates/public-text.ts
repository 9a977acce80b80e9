import type { PublicTextState } from '@fremdrift/contracts';

export interface PublicTextWrite {
  publicTextState: PublicTextState;
  /** What the public reads from now on; left out when it keeps reading the last approved text. */
  approvedPublicText?: string;
}

/**
 * Where a newly written public text stands: nothing to publish (and nothing left public), out at
 * once for someone who publishes directly, or waiting for management while the public keeps the
 * last approved text.
 */
export function writePublicText(publicText: string, publishesDirectly: boolean): PublicTextWrite {
  if (publicText.trim() === '') return { publicTextState: 'none', approvedPublicText: '' };
  return publishesDirectly ? { publicTextState: 'approved', approvedPublicText: publicText } : { publicTextState: 'pending' };
}
