import type { PublicTextState } from '@fremdrift/contracts';

/** Where a newly written public text starts: nothing to publish, straight out, or waiting for management. */
export function initialPublicTextState(publicText: string, leadsPublishDirectly: boolean): PublicTextState {
  if (publicText.trim() === '') return 'none';
  return leadsPublishDirectly ? 'approved' : 'pending';
}
