import { carryOver } from './carry-over';

const previous = { health: 'at_risk' as const, narrative: 'Forløbet kører.', blockers: 'Mangler lokaler.', nextSteps: 'Finde lokaler.' };
const november = { start: '2026-11-01', end: '2026-11-30' };

describe('carryOver', () => {
  it('repeats health, narrative, blockers and next steps for the new period', () => {
    expect(carryOver(previous, november)).toMatchObject({ ...previous, periodStart: '2026-11-01', periodEnd: '2026-11-30', noChange: true });
  });

  it('keeps the note as the internal remark, trimmed', () => {
    expect(carryOver(previous, november, '  Afventer byrådet. ').internalText).toBe('Afventer byrådet.');
    expect(carryOver(previous, november).internalText).toBe('');
  });

  it('publishes nothing new and gives no cause for a drop', () => {
    expect(carryOver(previous, november)).toMatchObject({ publicText: '', delayCauseId: null, delayReason: '' });
  });
});
