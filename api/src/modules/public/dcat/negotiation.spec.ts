import { preferredSerialization } from './negotiation';

describe('preferredSerialization', () => {
  it.each([
    [undefined, 'turtle'],
    ['*/*', 'turtle'],
    ['text/turtle', 'turtle'],
    ['application/ld+json', 'jsonld'],
    ['application/json', 'jsonld'],
    ['application/ld+json, text/turtle;q=0.5', 'jsonld'],
    ['text/turtle;q=0.4, application/ld+json;q=0.9', 'jsonld'],
    ['application/*', 'jsonld'],
    ['text/*, application/ld+json;q=0.1', 'turtle'],
    ['application/rdf+xml', 'turtle'],
    ['application/ld+json;q=0, */*', 'turtle'],
  ])('Accept %p gets %p', (accept, expected) => {
    expect(preferredSerialization(accept)).toBe(expected);
  });
});
