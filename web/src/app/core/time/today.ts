import type { IsoDate } from '@fremdrift/contracts';
import { MUNICIPAL_TIME_ZONE, todayIn } from '@fremdrift/progress';

/**
 * The municipality's time zone, in which a day starts and ends. The API reads it from its
 * configuration (TZ_MUNICIPALITY, by default Europe/Copenhagen); the web app has no runtime
 * configuration, so it is a constant here: the same default, from the shared library. A
 * municipality that sets TZ_MUNICIPALITY to another zone must change this too.
 */
export const MUNICIPALITY_TIME_ZONE: string = MUNICIPAL_TIME_ZONE;

/**
 * Today's date in the municipality (`YYYY-MM-DD`): the same "today" as the API's Clock, whatever
 * the browser's time zone, so that web and API agree near midnight.
 */
export function todayInMunicipality(now: Date = new Date()): IsoDate {
  return todayIn(MUNICIPALITY_TIME_ZONE, now);
}
