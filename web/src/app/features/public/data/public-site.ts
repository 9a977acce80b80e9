import { httpResource } from '@angular/common/http';
import { computed, Injectable } from '@angular/core';
import { PUBLIC_API } from './public-api';

/** What the public pages need to know about the installation (GET /api/public/site). */
export interface PublicSiteInfo {
  /** The municipality's statement in Digitaliseringsstyrelsen's WAS-Tool; null: the built-in one. */
  accessibilityStatementUrl: string | null;
  accessibility: { preparedOn: string | null; responsible: string | null; email: string | null; phone: string | null };
  catalogUrl: string;
}

/** The installation's public settings, read once per visit. */
@Injectable({ providedIn: 'root' })
export class PublicSite {
  private readonly resource = httpResource<PublicSiteInfo>(() => PUBLIC_API.site);

  /** Null while loading, and when the settings could not be read (then the built-in pages stand). */
  readonly info = computed(() => (this.resource.hasValue() ? this.resource.value() : null));
  readonly settled = computed(() => this.resource.hasValue() || this.resource.error() !== undefined);
}
