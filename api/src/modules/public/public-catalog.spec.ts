import { Subject } from 'rxjs';
import type { Clock } from '../../core/clock/clock';
import { ANYTHING_MAY_HAVE_CHANGED, type ChangeFeed, type DataChange } from '../../core/database/change-feed';
import { BoundedCache } from './body-cache';
import { MAX_CACHED_BODIES, PublicCatalog, type Dependencies } from './public-catalog';

function catalogWithFakes() {
  const changes = new Subject<DataChange>();
  const feed = { listening: true, changes: changes.asObservable() };
  let renders = 0;
  let today = '2026-12-04';
  let now = Date.parse('2026-12-04T10:00:00Z');
  const catalog = new PublicCatalog(feed as unknown as ChangeFeed, { today: () => today, now: () => new Date(now) } as unknown as Clock);
  catalog.onModuleInit();
  const body = (key: string, text: string, dependsOn: Dependencies = { lists: true }) =>
    catalog.body(key, async () => (renders++, { body: text, contentType: 'text/plain', dependsOn }));
  return { catalog, feed, changes, body, renders: () => renders, nextDay: () => ((now += 86_400_000), (today = '2026-12-05')) };
}

describe('BoundedCache', () => {
  it('evicts the least recently used beyond its number of entries and its bytes', () => {
    const cache = new BoundedCache<string>(3, 10, (v) => v.length);
    cache.set('a', 'xx');
    cache.set('b', 'xx');
    cache.set('c', 'xx');
    cache.get('a');
    cache.set('d', 'xx');
    expect(cache.keys()).toEqual(['c', 'a', 'd']);
    cache.set('e', 'xxxxxxx');
    expect([cache.keys(), cache.bytes]).toEqual([['d', 'e'], 9]);
    cache.set('huge', 'x'.repeat(11));
    expect(cache.has('huge')).toBe(false);
  });
});

describe('PublicCatalog', () => {
  it('answers a target the app answered from its cached body, until a change drops it, the feed stops listening or the day changes', async () => {
    const { catalog, feed, changes, body, nextDay } = catalogWithFakes();
    const answered = { key: 'list:page1', route: '/api/public/initiatives', headers: { 'cache-control': 'public' } };
    expect(catalog.cachedResponse('/api/public/initiatives?page=1')).toBeUndefined();
    const cached = await body('list:page1', 'page one');
    catalog.rememberTarget('/api/public/initiatives?page=1', answered);
    catalog.rememberTarget('/api/public/initiatives?page=01', answered);
    for (const target of ['/api/public/initiatives?page=1', '/api/public/initiatives?page=01']) {
      expect(catalog.cachedResponse(target)).toEqual({
        route: answered.route,
        headers: answered.headers,
        okHeaders: undefined,
        body: cached?.body,
        encoded: {},
        contentType: 'text/plain',
        etag: cached?.etag,
      });
    }
    expect(catalog.cachedResponse('/api/public/initiatives?page=2')).toBeUndefined();

    feed.listening = false;
    expect(catalog.cachedResponse('/api/public/initiatives?page=1')).toBeUndefined();
    feed.listening = true;
    changes.next({ entity: 'initiative', initiativeId: 'a' });
    expect(catalog.cachedResponse('/api/public/initiatives?page=1')).toBeUndefined();

    await body('list:page1', 'page one again');
    expect(catalog.cachedResponse('/api/public/initiatives?page=1')?.body.toString()).toBe('page one again');
    nextDay();
    expect(catalog.cachedResponse('/api/public/initiatives?page=1')).toBeUndefined();
  });

  it('holds at most MAX_CACHED_BODIES bodies however many distinct keys are asked for, keeping the recently used', async () => {
    const { catalog, body } = catalogWithFakes();
    await body('list', 'list');
    for (let i = 0; i < MAX_CACHED_BODIES * 2; i++) {
      await body(`initiative:${i}`, `one ${i}`);
      if (i % 100 === 0) await body('list', 'list again');
    }
    expect(catalog.cachedBodies).toBe(MAX_CACHED_BODIES);
    expect((await body('list', 'list again'))?.body.toString()).toBe('list');
  });

  it('keeps nothing for keys that find nothing, such as unknown ids', async () => {
    const { catalog } = catalogWithFakes();
    for (let i = 0; i < 1000; i++) expect(await catalog.body(`initiative:${i}`, async () => null)).toBeNull();
    expect(catalog.cachedBodies).toBe(0);
  });

  it('serves fresh bodies and caches nothing while the change feed is not listening', async () => {
    const { catalog, feed, body, renders } = catalogWithFakes();
    await body('list', 'before the loss');
    feed.listening = false;
    expect((await body('list', 'during the loss'))?.body.toString()).toBe('during the loss');
    await body('other', 'during the loss');
    expect(renders()).toBe(3);
    expect(catalog.isCached('other')).toBe(false);
  });

  it('drops everything when the feed says that changes may have been missed, or a new day starts', async () => {
    const { catalog, changes, body, nextDay } = catalogWithFakes();
    await body('list', 'before');
    changes.next(ANYTHING_MAY_HAVE_CHANGED);
    expect(catalog.cachedBodies).toBe(0);
    await body('initiative:a', 'a', { initiative: 'a' });
    nextDay();
    expect((await body('initiative:a', 'tomorrow', { initiative: 'a' }))?.body.toString()).toBe('tomorrow');
  });

  it('drops, for a change to one initiative, its record and the lists but not other records, plans or other plans’ feeds', async () => {
    const { catalog, changes, body } = catalogWithFakes();
    const fill = async () => {
      await body('initiative:a', 'a', { initiative: 'a' });
      await body('initiative:b', 'b', { initiative: 'b' });
      await body('list:1', 'page', { lists: true });
      await body('plan:p', 'plan', { plans: true });
      await body('feed:p', 'feed of p', { plans: true, updatesOf: new Set(['a']) });
      await body('feed:q', 'feed of q', { plans: true, updatesOf: new Set(['b']) });
    };
    const cached = () => ['initiative:a', 'initiative:b', 'list:1', 'plan:p', 'feed:p', 'feed:q'].filter((key) => catalog.isCached(key));

    await fill();
    changes.next({ entity: 'milestone', initiativeId: 'a' });
    expect(cached()).toEqual(['initiative:b', 'plan:p', 'feed:p', 'feed:q']);

    await fill();
    changes.next({ entity: 'status_update', initiativeId: 'a' });
    expect(cached()).toEqual(['initiative:b', 'plan:p', 'feed:q']);

    await fill();
    changes.next({ entity: 'initiative', initiativeId: 'a' });
    expect(cached()).toEqual(['initiative:b']);

    await fill();
    changes.next({ entity: 'department', initiativeId: null });
    expect(cached()).toEqual([]);
  });
});
