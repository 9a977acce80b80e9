import { HttpParams } from '@angular/common/http';

type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

/** HttpParams from a query object, leaving out empty values; arrays become repeated parameters. */
export function toHttpParams(query: Readonly<Record<string, QueryValue>>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) params = params.append(key, String(item));
  }
  return params;
}
