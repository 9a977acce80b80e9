import { Subject } from 'rxjs';
import type { ChangeFeed, DataChange } from '../../core/database/change-feed';
import { DashboardViewCache, viewKey } from './dashboard-view-cache';

function cacheWithFeed(listening = true) {
  const changes = new Subject<DataChange>();
  const feed = { changes, listening } as unknown as ChangeFeed;
  const cache = new DashboardViewCache<number>(feed);
  cache.onModuleInit();
  return { cache, changes, feed: feed as { listening: boolean } };
}

describe('DashboardViewCache', () => {
  it('computes a view once until a change is reported', async () => {
    const { cache, changes } = cacheWithFeed();
    const compute = jest.fn().mockResolvedValueOnce(1).mockResolvedValueOnce(2);
    expect(await cache.get('a', compute)).toBe(1);
    expect(await cache.get('a', compute)).toBe(1);
    changes.next({ entity: 'milestone', initiativeId: null });
    expect(await cache.get('a', compute)).toBe(2);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing while the change feed is not listening', async () => {
    const { cache } = cacheWithFeed(false);
    const compute = jest.fn().mockResolvedValue(1);
    await cache.get('a', compute);
    await cache.get('a', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed computation', async () => {
    const { cache } = cacheWithFeed();
    const compute = jest.fn().mockRejectedValueOnce(new Error('statement timeout')).mockResolvedValueOnce(3);
    await expect(cache.get('a', compute)).rejects.toThrow('statement timeout');
    expect(await cache.get('a', compute)).toBe(3);
  });

  it('forgets the least recently read view beyond its bound', async () => {
    const { cache } = cacheWithFeed();
    const compute = jest.fn().mockResolvedValue(1);
    for (let i = 0; i <= 200; i++) await cache.get(`view ${i}`, compute);
    await cache.get('view 200', compute);
    await cache.get('view 0', compute);
    expect(compute).toHaveBeenCalledTimes(202);
  });
});

describe('viewKey', () => {
  it('is the same for the same filters in any order, without empty values, and differs by day', () => {
    expect(viewKey('2026-12-05', { b: '2', a: '1', c: undefined, d: '' })).toBe(viewKey('2026-12-05', { a: '1', b: '2' }));
    expect(viewKey('2026-12-06', { a: '1' })).not.toBe(viewKey('2026-12-05', { a: '1' }));
  });
});
