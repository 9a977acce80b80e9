import { exceedsNestingDepth, pathsWithLoneSurrogates } from './json-body';

describe('exceedsNestingDepth', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('counts objects and arrays alike, up to and beyond the limit', () => {
    expect(exceedsNestingDepth(nested(32), 32)).toBe(false);
    expect(exceedsNestingDepth(nested(33), 32)).toBe(true);
    expect(exceedsNestingDepth('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
    expect(exceedsNestingDepth('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
    expect(exceedsNestingDepth('[[],[],[[]]]', 3)).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(exceedsNestingDepth(JSON.stringify({ text: '[[[[{{{{' }), 1)).toBe(false);
    expect(exceedsNestingDepth(JSON.stringify({ text: 'say "[[[["\\' }), 1)).toBe(false);
    expect(exceedsNestingDepth(JSON.stringify({ text: '\\', inner: [[1]] }), 2)).toBe(true);
  });

  it('reads a million levels without overflowing the stack', () => {
    expect(exceedsNestingDepth(nested(1_000_000), 32)).toBe(true);
  });
});

describe('pathsWithLoneSurrogates', () => {
  it('names every string, value or key, with an unpaired surrogate by its field path', () => {
    const body = JSON.parse('{"title":"a\\ud800","ok":"b","milestones":[{"title":"x"},{"title":"\\udfffy"}],"\\ud83d":1}');
    expect(pathsWithLoneSurrogates(body)).toEqual(['milestones.1.title', 'title', '\ud83d'].sort());
  });

  it('names a body that is itself such a string "body"', () => {
    expect(pathsWithLoneSurrogates('\ud800')).toEqual(['body']);
  });

  it('accepts text whose surrogates come in pairs, such as emoji', () => {
    expect(pathsWithLoneSurrogates({ title: 'Fællesspisning 🍲 i Gellerup', tags: ['👩🏽‍🍳'], n: 1, none: null })).toEqual([]);
  });
});
