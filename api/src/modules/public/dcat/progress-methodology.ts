import { PROGRESS_BY_STATUS } from '@fremdrift/progress';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * How the published progress figures are computed, in words, for the open data's description.
 * The numbers come from the rule itself (libs/progress), so the words cannot drift from the code.
 */
export function progressMethodology(language: 'da' | 'en'): string {
  const s = PROGRESS_BY_STATUS;
  if (language === 'da') {
    return [
      'Sådan beregnes fremdriften: Et initiativs fremdrift er den vægtede andel af dets milepæle, der er nået (hver milepæl har en vægt; er alle vægte 0, tæller hver milepæl lige meget).',
      `Et afsluttet initiativ har altid ${percent(s.completed)}.`,
      `Uden milepæle følger fremdriften status: idé ${percent(s.idea)}, planlagt ${percent(s.planned)}, i gang ${percent(s.in_progress)}, sat på pause ${percent(s.on_hold)}, afsluttet ${percent(s.completed)}, annulleret ${percent(s.cancelled)}.`,
      'Forventet fremdrift går lineært fra 0 % på startdatoen til 100 % på den forventede slutdato.',
      'En handleplans, et måls eller en afdelings fremdrift er gennemsnittet af initiativernes fremdrift, hvor hvert initiativ tæller lige meget.',
    ].join(' ');
  }
  return [
    'How progress is computed: an initiative’s progress is the weighted share of its milestones that have been reached (each milestone has a weight; when every weight is 0, each milestone counts the same).',
    `A completed initiative always has ${percent(s.completed)}.`,
    `Without milestones, progress follows the status: idea ${percent(s.idea)}, planned ${percent(s.planned)}, in progress ${percent(s.in_progress)}, on hold ${percent(s.on_hold)}, completed ${percent(s.completed)}, cancelled ${percent(s.cancelled)}.`,
    'Expected progress runs linearly from 0 % on the start date to 100 % on the target date.',
    'The progress of an action plan, a goal or a department is the average of its initiatives’ progress, each initiative counting the same.',
  ].join(' ');
}
