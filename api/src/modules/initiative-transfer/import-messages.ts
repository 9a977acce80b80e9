import type { FieldErrorCode, ImportCellErrorCode } from '@fremdrift/contracts';

type Params = Record<string, string | number> | undefined;

const param = (params: Params, name: string) => String(params?.[name] ?? '');

/** What each problem with a cell means, in Danish: the end of "Række 7, kolonne Slutdato: …". */
const DANISH: Partial<Record<ImportCellErrorCode | FieldErrorCode, (params: Params) => string>> = {
  required: () => 'feltet skal udfyldes',
  unknownId: () => 'der findes ikke noget med dette id',
  unknownActionPlan: (p) => `der findes ingen handleplan med titlen »${param(p, 'value')}«`,
  unknownGoal: (p) => `handleplanen har intet mål med titlen »${param(p, 'value')}«`,
  unknownDepartment: (p) => `der findes ingen afdeling med koden »${param(p, 'value')}«`,
  unknownInitiative: () => 'der findes intet initiativ med dette id eller denne eksterne reference',
  unknownValue: (p) => `»${param(p, 'value')}« er ikke en af de tilladte værdier (${param(p, 'allowed')})`,
  duplicateKey: (p) => `samme nøgle står allerede i række ${param(p, 'row')}`,
  invalidDate: (p) => `»${param(p, 'value')}« kan ikke læses som en dato; skriv den som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ`,
  invalidNumber: (p) => `»${param(p, 'value')}« kan ikke læses som et tal`,
  openMilestones: () =>
    'initiativet har åbne milepæle; afslut dem i arket Milepæle, eller afslut initiativet i Fremdrift, hvor du vælger, hvad der sker med dem',
  cancellationReason: (p) => `et annulleret initiativ skal have en begrundelse${p?.['min'] ? ` på mindst ${param(p, 'min')} tegn` : ''}`,
  notAllowed: () => 'du har ikke adgang til at gøre dette',
  rejected: (p) => `ændringen blev afvist (${param(p, 'detail')})`,
  isLength: (p) => `skal være på ${param(p, 'min')} til ${param(p, 'max')} tegn`,
  minLength: (p) => `skal være på mindst ${param(p, 'min')} tegn`,
  maxLength: (p) => `må højst være på ${param(p, 'max')} tegn`,
  isInt: () => 'skal være et helt tal',
  min: (p) => `skal være mindst ${param(p, 'min')}`,
  max: (p) => `må højst være ${param(p, 'max')}`,
  isIsoDate: () => 'datoen kan ikke læses',
  isString: () => 'skal være en tekst',
  isUuid: () => 'er ikke et gyldigt id',
  arrayMaxSize: (p) => `der kan højst være ${param(p, 'max')}`,
  arrayUnique: () => 'hver afdeling må kun stå én gang',
  unique: () => 'værdien bruges allerede af et andet initiativ',
  unknownReference: () => 'findes ikke',
  goalOfOtherPlan: () => 'målet hører ikke til initiativets handleplan',
  archivedPlan: () => 'handleplanen er arkiveret og kan ikke få nye initiativer',
  leadAlsoParticipating: () => 'den ansvarlige afdeling kan ikke også være deltagende afdeling',
  dateOrder: () => 'datoen ligger før startdatoen',
  notInFuture: () => 'datoen må ikke ligge efter i dag',
  inactiveDepartment: () => 'afdelingen er ikke længere aktiv',
  hasNoInvisibleCharacters: () => 'må ikke indeholde usynlige tegn',
  invalidUnicode: () => 'indeholder tegn, der ikke kan gemmes',
};

/** "Række 7, kolonne Slutdato: datoen ligger før startdatoen." — or without the column for a problem with the whole row. */
export function danishCellMessage(row: number, column: string, code: string, params?: Params): string {
  const text = DANISH[code as ImportCellErrorCode]?.(params) ?? 'værdien kan ikke bruges';
  return column ? `Række ${row}, kolonne ${column}: ${text}.` : `Række ${row}: ${text}.`;
}
