import { inOrder, moveChanges, nextPosition } from './ordering';

const items = (...orders: number[]) => orders.map((sortOrder, i) => ({ id: `i${i}`, sortOrder }));

describe('admin list ordering', () => {
  it('swaps the positions of two neighbours and touches nothing else', () => {
    expect(moveChanges(items(10, 20, 30), 2, -1)).toEqual([
      { id: 'i2', sortOrder: 20 },
      { id: 'i1', sortOrder: 30 },
    ]);
    expect(moveChanges(items(10, 20, 30), 0, 1)).toEqual([
      { id: 'i0', sortOrder: 20 },
      { id: 'i1', sortOrder: 10 },
    ]);
  });

  it('numbers the list anew where neighbours share a position', () => {
    expect(moveChanges(items(0, 0, 0), 1, -1)).toEqual([
      { id: 'i1', sortOrder: 1 },
      { id: 'i0', sortOrder: 2 },
      { id: 'i2', sortOrder: 3 },
    ]);
  });

  it('moves nothing past either end', () => {
    expect(moveChanges(items(1, 2), 0, -1)).toEqual([]);
    expect(moveChanges(items(1, 2), 1, 1)).toEqual([]);
  });

  it('puts a new item after the last, and sorts by position, then name', () => {
    expect(nextPosition(items(3, 7, 5))).toBe(8);
    expect(nextPosition([])).toBe(1);
    const named = [
      { id: 'b', sortOrder: 1, name: 'Børn' },
      { id: 'a', sortOrder: 1, name: 'Arbejde' },
      { id: 'c', sortOrder: 0, name: 'Zoo' },
    ];
    expect(
      inOrder(
        named,
        (x) => x.name,
        (x, y) => x.localeCompare(y, 'da'),
      ).map((x) => x.id),
    ).toEqual(['c', 'a', 'b']);
  });
});
