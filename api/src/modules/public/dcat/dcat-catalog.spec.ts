import { Parser } from 'n3';
import { loadConfig } from '../../../core/config/app-config';
import type { PublishedFacts } from '../public.repository';
import { catalogGraph, catalogJsonLd, catalogTurtle, graphQuads } from './dcat-catalog';

const facts: PublishedFacts = {
  lastUpdatedAt: null,
  earliestStart: null,
  latestTarget: null,
  firstPeriodStart: null,
  lastPeriodEnd: null,
  firstPublishedAt: null,
  lastPublishedAt: null,
  plans: [{ id: 'p1', title: 'Plan med "citat", <vinkler> og\nlinjeskift \\ til sidst' }],
};

describe('the DCAT catalog', () => {
  const graph = catalogGraph(facts, loadConfig({}).openData, 'https://fremdrift.kommune.dk');

  it('names every resource with an IRI, so that both serializations can carry the same triples', () => {
    expect(graph.every((node) => /^https?:\/\//.test(node.id))).toBe(true);
    expect(new Set(graph.map((node) => node.id)).size).toBe(graph.length);
  });

  it('writes titles with quotes, angle brackets, line breaks and backslashes as Turtle that reads back to the same text', () => {
    const turtle = catalogTurtle(graph);
    const quads = new Parser().parse(turtle);
    expect(quads).toHaveLength(graphQuads(graph).length);
    const titles = quads.filter((q) => q.predicate.value === 'http://purl.org/dc/terms/title').map((q) => q.object.value);
    expect(titles).toContain('Nyhedsfeed: Plan med "citat", <vinkler> og\nlinjeskift \\ til sidst (Atom)');
  });

  it('leaves out the dates the data cannot give, rather than inventing them', () => {
    const text = JSON.stringify(catalogJsonLd(graph));
    expect(text).not.toContain('dct:modified');
    expect(text).not.toContain('dct:issued');
    expect(text).not.toContain('dct:temporal');
  });
});
