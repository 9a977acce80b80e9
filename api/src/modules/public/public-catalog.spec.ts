import { Subject } from 'rxjs';
import type { Clock } from '../../core/clock/clock';
import { ANYTHING_MAY_HAVE_CHANGED, type ChangeFeed, type DataChange } from '../../core/database/change-feed';
import { MAX_CACHED_BODIES, PublicCatalog, type Snapshot } from './public-catalog';
import type { PublicRepository, PublishedData } from './public.repository';

const NOTHING_PUBLISHED: PublishedData = { initiatives: [], participants: [], milestones: [], updates: [], partners: [], plans: [] };

function catalogWithFakes() {
  const changes = new Subject<DataChange>();
  const feed = { listening: true, changes: changes.asObservable() };
  let loads = 0;
  const repository = { loadPublished: async () => (loads++, NOTHING_PUBLISHED) };
  const clock = { today: () => '2026-12-04' };
  const catalog = new PublicCatalog(repository as unknown as PublicRepository, feed as unknown as ChangeFeed, clock as unknown as Clock);
  catalog.onModuleInit();
  return { catalog, feed, changes, loads: () => loads };
}

const renderAlways = (text: string) => (_: Snapshot) => ({ body: text, contentType: 'text/plain' });
const renderNothing = () => null;

describe('PublicCatalog', () => {
  it('holds at most MAX_CACHED_BODIES bodies however many distinct keys are asked for, keeping the recently used', async () => {
    const { catalog } = catalogWithFakes();
    await catalog.body('initiatives.json', renderAlways('list'));
    for (let i = 0; i < MAX_CACHED_BODIES * 3; i++) {
      await catalog.body(`initiative:${i}`, renderAlways(`one ${i}`));
      if (i % 100 === 0) await catalog.body('initiatives.json', renderAlways('list again'));
    }
    expect(catalog.cachedBodies).toBe(MAX_CACHED_BODIES);
    expect((await catalog.body('initiatives.json', renderAlways('list again')))?.body.toString()).toBe('list');
  });

  it('keeps nothing for keys that find nothing, such as unknown ids', async () => {
    const { catalog } = catalogWithFakes();
    for (let i = 0; i < 1000; i++) expect(await catalog.body(`initiative:${i}`, renderNothing)).toBeNull();
    expect(catalog.cachedBodies).toBe(0);
  });

  it('serves fresh data and caches nothing while the change feed is not listening', async () => {
    const { catalog, feed, loads } = catalogWithFakes();
    await catalog.body('initiatives.json', renderAlways('before the loss'));
    feed.listening = false;

    const during = await catalog.body('initiatives.json', renderAlways('during the loss'));
    await catalog.body('initiatives.json', renderAlways('still during the loss'));

    expect(during?.body.toString()).toBe('during the loss');
    expect(catalog.cachedBodies).toBe(0);
    expect(loads()).toBe(3);
  });

  it('drops everything when the feed says that changes may have been missed', async () => {
    const { catalog, changes, loads } = catalogWithFakes();
    await catalog.body('initiatives.json', renderAlways('before'));
    changes.next(ANYTHING_MAY_HAVE_CHANGED);
    expect(catalog.cachedBodies).toBe(0);
    expect((await catalog.body('initiatives.json', renderAlways('after')))?.body.toString()).toBe('after');
    expect(loads()).toBe(2);
  });
});
