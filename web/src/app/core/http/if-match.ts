/** The `If-Match` header for a record read at `version` (the API's ETag is the quoted version). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
