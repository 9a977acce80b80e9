export default async function globalTeardown() {
  await globalThis.__FREMDRIFT_PG__?.stop();
}
