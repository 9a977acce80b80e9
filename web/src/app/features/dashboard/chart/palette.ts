import type { Health } from '@fremdrift/contracts';
import type { Fill } from './chart-definition';

/*
 * Colours from the Okabe–Ito and Tol palettes, told apart with the common kinds of colour
 * blindness, each with its own pattern and a dark outline (3:1 against white).
 */
export const HEALTH_FILLS: Readonly<Record<Health, Fill>> = {
  on_track: { color: '#0072b2', border: '#004a75', pattern: 'solid' },
  at_risk: { color: '#e69f00', border: '#6e4a00', pattern: 'stripes' },
  off_track: { color: '#882255', border: '#4d1130', pattern: 'crosshatch', ink: '#f3d9e5' },
};

export const SERIES_FILLS = {
  leadProgress: { color: '#1a3a5c', border: '#0d1d2e', pattern: 'solid' },
  expected: { color: '#c3cbd4', border: '#4a5563', pattern: 'stripes' },
  participating: { color: '#56b4e9', border: '#1b5a80', pattern: 'dots' },
  due: { color: '#1a3a5c', border: '#0d1d2e', pattern: 'solid' },
} as const satisfies Record<string, Fill>;
