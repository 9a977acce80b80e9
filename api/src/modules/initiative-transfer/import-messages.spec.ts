import { IMPORT_CELL_ERROR_CODES } from '@fremdrift/contracts';
import { danishCellMessage } from './import-messages';

describe('danishCellMessage', () => {
  it('says where and what in Danish: "Række 7, kolonne Slutdato: datoen ligger før startdatoen."', () => {
    expect(danishCellMessage(7, 'Slutdato', 'dateOrder')).toBe('Række 7, kolonne Slutdato: datoen ligger før startdatoen.');
    expect(danishCellMessage(3, '', 'notAllowed')).toBe('Række 3: du har ikke adgang til at gøre dette.');
    expect(danishCellMessage(4, 'Titel', 'isLength', { min: 3, max: 200 })).toBe('Række 4, kolonne Titel: skal være på 3 til 200 tegn.');
  });

  it('has its own words for every problem only an import has', () => {
    for (const code of IMPORT_CELL_ERROR_CODES) expect(danishCellMessage(2, 'Kolonne', code)).not.toContain('værdien kan ikke bruges');
  });
});
