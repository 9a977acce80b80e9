import { Parser } from 'n3';
import { loadConfig } from '../../../core/config/app-config';
import { toSnapshot } from '../public-catalog';
import { catalogGraph, catalogJsonLd, catalogTurtle, graphQuads } from './dcat-catalog';

const plan = (id: string, title: string) => ({
  id,
  title,
  description: '',
  coCreationDate: '2016-04-12',
  coCreationMethod: '',
  citizens: 0,
  volunteers: 0,
  companies: 0,
  civilSociety: 0,
  staff: 0,
  goals: [],
});

const snapshot = toSnapshot(
  {
    initiatives: [],
    participants: [],
    milestones: [],
    updates: [],
    partners: [],
    plans: [plan('p1', 'Plan med "citat", <vinkler> og\nlinjeskift \\ til sidst')],
  },
  '2026-12-04',
);

describe('the DCAT catalog', () => {
  const graph = catalogGraph(snapshot, loadConfig({}).openData, 'https://fremdrift.kommune.dk');

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
