import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SnapshotDiff } from '@fremdrift/contracts';
import type { Language } from '../../../../core/i18n/i18n';
import { provideDashboardTesting, textOf } from '../../testing';
import { diffFixture, diffRef as ref } from '../snapshot.fixtures';
import { SnapshotDiffView } from './snapshot-diff';

@Component({ imports: [SnapshotDiffView], template: `<fd-snapshot-diff [diff]="diff()" />` })
class Host {
  readonly diff = signal(diffFixture());
}

/** A table row's cells, ` | ` between them. */
const cells = (row: Element) => Array.from(row.children).map(textOf).join(' | ');

async function setup(diff: SnapshotDiff, language: Language = 'da') {
  TestBed.configureTestingModule({ imports: [Host], providers: [provideDashboardTesting(language), provideRouter([])] });
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.diff.set(diff);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('SnapshotDiffView', () => {
  it('says in words that nothing has changed since the snapshot', async () => {
    const element = await setup(diffFixture());
    expect(textOf(element)).toBe('Ingen ændringer siden «Status pr. 1. dec. 2026» (1. dec. 2026 09:00).');
    expect(element.querySelector('table')).toBeNull();
  });

  it('tells each kind of change in a line, then shows them in tables, the worse health first', async () => {
    const element = await setup(
      diffFixture({
        healthChanges: [
          { ...ref('i2', 'Lektiecafé'), before: 'at_risk', after: 'on_track', direction: 'better' },
          { ...ref('i1', 'Sundhedstjek ved ankomst'), before: 'on_track', after: 'off_track', direction: 'worse' },
        ],
        newDelays: [
          {
            ...ref('i1', 'Sundhedstjek ved ankomst'),
            health: 'off_track',
            delayCause: 'Mangel på ressourcer',
            delayCauseLabels: { da: 'Mangel på ressourcer', en: 'Lack of resources' },
          },
        ],
        completedMilestones: [{ ...ref('i3', 'Velkomstforløb'), count: 2 }],
        cancelled: [ref('i4', 'Sprogcafé', 'MKB', 'Kultur og Borgerservice')],
      }),
    );
    expect(textOf(element.querySelector('.diff-intro'))).toBe('Fra «Status pr. 1. dec. 2026» (1. dec. 2026 09:00) til nu:');
    expect(Array.from(element.querySelectorAll('[data-diff="summary"] li')).map(textOf)).toEqual([
      '1 initiativ har fået en dårligere vurdering',
      '1 initiativ har fået en bedre vurdering',
      '1 ny forsinkelse',
      '2 milepæle er nået',
      '1 initiativ er annulleret',
    ]);
    const health = Array.from(element.querySelectorAll('[data-diff="health"] tbody tr')).map(cells);
    expect(health).toEqual([
      'Sundhedstjek ved ankomst | Sundhed og Omsorg | På sporet | Bagud | Dårligere',
      'Lektiecafé | Sundhed og Omsorg | I risiko | På sporet | Bedre',
    ]);
    expect(cells(element.querySelector('[data-diff="delays"] tbody tr') as Element)).toBe(
      'Sundhedstjek ved ankomst | Sundhed og Omsorg | Bagud | Mangel på ressourcer',
    );
    expect(textOf(element.querySelector('[data-diff="cancelled"]'))).toBe('Sprogcafé (Kultur og Borgerservice)');
    expect(element.querySelector('[data-diff="cancelled"] a')?.getAttribute('href')).toBe('/initiativer/i4');
    const headings = Array.from(element.querySelectorAll('[role="heading"]'));
    expect(headings.map(textOf)).toEqual(['Ændret vurdering', 'Nye forsinkelser', 'Nåede milepæle', 'Annullerede initiativer']);
    expect(headings.every((h) => h.getAttribute('aria-level') === '3')).toBe(true);
  });

  it('names the delay cause in English in English, and says when none was given', async () => {
    const element = await setup(
      diffFixture({
        newDelays: [
          {
            ...ref('i1', 'A'),
            health: 'at_risk',
            delayCause: 'Mangel på ressourcer',
            delayCauseLabels: { da: 'Mangel på ressourcer', en: 'Lack of resources' },
          },
          { ...ref('i2', 'B'), health: 'off_track', delayCause: null, delayCauseLabels: null },
        ],
      }),
      'en',
    );
    const rows = Array.from(element.querySelectorAll('[data-diff="delays"] tbody tr')).map(cells);
    expect(rows).toEqual(['A | Sundhed og Omsorg | At risk | Lack of resources', 'B | Sundhed og Omsorg | Off track | No cause given']);
  });

  it('names both snapshots when nothing changed between them', async () => {
    const element = await setup(diffFixture({ to: { id: 's2', name: 'Status pr. 4. dec. 2026', takenAt: '2026-12-04T09:00:00.000Z' } }));
    expect(textOf(element)).toBe('Ingen ændringer mellem «Status pr. 1. dec. 2026» og «Status pr. 4. dec. 2026».');
  });
});
