import { approvedFace, changePublicFace, type PublicFace } from './public-proposal';

const INTERNAL: PublicFace = { published: false, publicSummary: '' };
const PUBLIC: PublicFace = { published: true, publicSummary: 'Godkendt resumé' };

describe('changePublicFace', () => {
  it('applies a change at once for someone who publishes directly, and settles a proposal for the same field', () => {
    const outcome = changePublicFace(PUBLIC, { published: null, publicSummary: 'Forslag' }, { publicSummary: 'Ny tekst' }, true);
    expect(outcome).toEqual({ apply: { publicSummary: 'Ny tekst' }, proposal: null });
  });

  it('keeps a proposal for another field when a direct change settles one', () => {
    const outcome = changePublicFace(INTERNAL, { published: true, publicSummary: 'Forslag' }, { publicSummary: 'Ny tekst' }, true);
    expect(outcome).toEqual({ apply: { publicSummary: 'Ny tekst' }, proposal: { published: true, publicSummary: null } });
  });

  it('turns a lead’s change of the public summary into a proposal and applies nothing', () => {
    expect(changePublicFace(PUBLIC, null, { publicSummary: 'Ændret' }, false)).toEqual({ apply: {}, proposal: { published: null, publicSummary: 'Ændret' } });
  });

  it('turns a lead’s publication of an internal initiative into a proposal', () => {
    expect(changePublicFace(INTERNAL, null, { published: true }, false)).toEqual({ apply: {}, proposal: { published: true, publicSummary: null } });
  });

  it('takes an initiative off the public page at once, even for a lead, and drops a proposal to publish it', () => {
    expect(changePublicFace(PUBLIC, null, { published: false }, false)).toEqual({ apply: { published: false }, proposal: undefined });
    expect(changePublicFace(INTERNAL, { published: true, publicSummary: 'Forslag' }, { published: false, publicSummary: 'Forslag 2' }, false)).toEqual({
      apply: { published: false },
      proposal: { published: null, publicSummary: 'Forslag 2' },
    });
  });

  it('withdraws a proposal when the lead sets the approved values again', () => {
    expect(changePublicFace(PUBLIC, { published: null, publicSummary: 'Forslag' }, { publicSummary: 'Godkendt resumé' }, false)).toEqual({
      apply: {},
      proposal: null,
    });
  });

  it('leaves everything as it is when the public face is not touched', () => {
    expect(changePublicFace(PUBLIC, { published: null, publicSummary: 'Forslag' }, {}, false)).toEqual({ apply: {}, proposal: undefined });
  });
});

describe('approvedFace', () => {
  it('takes the proposed fields and keeps the others', () => {
    expect(approvedFace(PUBLIC, { published: null, publicSummary: 'Forslag' })).toEqual({ published: true, publicSummary: 'Forslag' });
    expect(approvedFace(INTERNAL, { published: true, publicSummary: null })).toEqual({ published: true, publicSummary: '' });
  });
});
