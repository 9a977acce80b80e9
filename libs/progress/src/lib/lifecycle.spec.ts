import { LIMITS } from '@fremdrift/contracts';
import { decideLifecycle } from './lifecycle';

const REASON = 'Lagt sammen med en anden ordning.';
const running = { status: 'in_progress' as const, cancellationReason: '' };
const cancelled = { status: 'cancelled' as const, cancellationReason: REASON };

describe('decideLifecycle: cancelling', () => {
  it('needs a reason of at least the minimum length, trimmed', () => {
    expect(decideLifecycle({ current: running, requested: { status: 'cancelled' }, openMilestoneCount: 0 })).toEqual({
      ok: false,
      problem: 'cancellationReason',
      length: 0,
    });
    const short = ' '.repeat(5) + 'x'.repeat(LIMITS.cancellationReason.min - 1) + ' '.repeat(5);
    expect(decideLifecycle({ current: running, requested: { status: 'cancelled', cancellationReason: short }, openMilestoneCount: 0 })).toMatchObject({
      ok: false,
      problem: 'cancellationReason',
    });
    expect(
      decideLifecycle({
        current: running,
        requested: { status: 'cancelled', cancellationReason: 'x'.repeat(LIMITS.cancellationReason.min) },
        openMilestoneCount: 0,
      }),
    ).toMatchObject({ ok: true, cancellationReason: 'x'.repeat(LIMITS.cancellationReason.min) });
  });

  it('refuses a reason longer than the maximum', () => {
    const long = 'x'.repeat(LIMITS.cancellationReason.max + 1);
    expect(decideLifecycle({ current: running, requested: { status: 'cancelled', cancellationReason: long }, openMilestoneCount: 0 })).toMatchObject({
      ok: false,
      problem: 'cancellationReason',
    });
  });

  it('stores the reason trimmed', () => {
    expect(decideLifecycle({ current: running, requested: { status: 'cancelled', cancellationReason: `  ${REASON}\n` }, openMilestoneCount: 2 })).toEqual({
      ok: true,
      cancellationReason: REASON,
      completeOpenMilestones: false,
    });
  });

  it('keeps the stored reason when a cancelled initiative changes otherwise', () => {
    expect(decideLifecycle({ current: cancelled, requested: {}, openMilestoneCount: 0 })).toMatchObject({ ok: true, cancellationReason: REASON });
    expect(decideLifecycle({ current: cancelled, requested: { status: 'cancelled' }, openMilestoneCount: 0 })).toMatchObject({
      ok: true,
      cancellationReason: REASON,
    });
  });

  it('refuses clearing the reason of a cancelled initiative', () => {
    expect(decideLifecycle({ current: cancelled, requested: { cancellationReason: '' }, openMilestoneCount: 0 })).toMatchObject({
      ok: false,
      problem: 'cancellationReason',
    });
  });

  it('applies on create too', () => {
    expect(decideLifecycle({ current: null, requested: { status: 'cancelled' }, openMilestoneCount: 0 })).toMatchObject({
      ok: false,
      problem: 'cancellationReason',
    });
    expect(decideLifecycle({ current: null, requested: { status: 'cancelled', cancellationReason: REASON }, openMilestoneCount: 0 })).toMatchObject({
      ok: true,
    });
  });

  it('clears the reason when the initiative leaves cancelled, and stores none for other statuses', () => {
    expect(decideLifecycle({ current: cancelled, requested: { status: 'in_progress' }, openMilestoneCount: 0 })).toEqual({
      ok: true,
      cancellationReason: '',
      completeOpenMilestones: false,
    });
    expect(decideLifecycle({ current: running, requested: { cancellationReason: REASON }, openMilestoneCount: 0 })).toMatchObject({ cancellationReason: '' });
    expect(decideLifecycle({ current: null, requested: {}, openMilestoneCount: 0 })).toMatchObject({ ok: true, cancellationReason: '' });
  });
});

describe('decideLifecycle: completing', () => {
  it('asks what to do with open milestones, with their count', () => {
    expect(decideLifecycle({ current: running, requested: { status: 'completed' }, openMilestoneCount: 3 })).toEqual({
      ok: false,
      problem: 'openMilestones',
      count: 3,
    });
  });

  it('completes them when asked to, or leaves them open', () => {
    expect(decideLifecycle({ current: running, requested: { status: 'completed', openMilestones: 'complete' }, openMilestoneCount: 3 })).toEqual({
      ok: true,
      cancellationReason: '',
      completeOpenMilestones: true,
    });
    expect(decideLifecycle({ current: running, requested: { status: 'completed', openMilestones: 'keep' }, openMilestoneCount: 3 })).toMatchObject({
      ok: true,
      completeOpenMilestones: false,
    });
  });

  it('completes directly when no milestone is open, whatever the choice', () => {
    expect(decideLifecycle({ current: running, requested: { status: 'completed' }, openMilestoneCount: 0 })).toMatchObject({
      ok: true,
      completeOpenMilestones: false,
    });
    expect(decideLifecycle({ current: running, requested: { status: 'completed', openMilestones: 'complete' }, openMilestoneCount: 0 })).toMatchObject({
      ok: true,
      completeOpenMilestones: false,
    });
  });

  it('does not ask again when the initiative is completed already', () => {
    const completed = { status: 'completed' as const, cancellationReason: '' };
    expect(decideLifecycle({ current: completed, requested: { status: 'completed' }, openMilestoneCount: 2 })).toMatchObject({
      ok: true,
      completeOpenMilestones: false,
    });
  });

  it('ignores the choice when the status is not becoming completed', () => {
    expect(decideLifecycle({ current: running, requested: { status: 'on_hold', openMilestones: 'complete' }, openMilestoneCount: 2 })).toMatchObject({
      ok: true,
      completeOpenMilestones: false,
    });
  });
});
