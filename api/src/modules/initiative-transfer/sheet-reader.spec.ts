import { deflateRawSync } from 'node:zlib';
import { Workbook } from 'exceljs';
import { IMPORT_LIMITS } from '@fremdrift/contracts';
import type { ProblemException } from '../../core/http/problem';
import { checkZip, decodeCsv, detectDelimiter, plainValue, readImportFile } from './sheet-reader';

/** A zip archive of the given entries, deflated; sizes in its directory as given (they may lie). */
function zipOf(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const compressed = deflateRawSync(entry.data);
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.declaredSize ?? entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    directory.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const codeOf = async (work: () => unknown) => {
  try {
    await work();
  } catch (error) {
    return (error as ProblemException).problem?.code;
  }
  return 'accepted';
};

describe('reading an import file', () => {
  describe('CSV', () => {
    it('decodes UTF-8 with or without a BOM, and Windows-1252 when the bytes are not UTF-8', () => {
      expect(decodeCsv(Buffer.from('\uFEFFÆble;Ø', 'utf8'))).toBe('Æble;Ø');
      expect(decodeCsv(Buffer.from('Æble;Ø', 'utf8'))).toBe('Æble;Ø');
      expect(decodeCsv(Buffer.from([0xc6, 0x62, 0x6c, 0x65, 0x3b, 0xd8, 0x3b, 0xe5, 0x3b, 0x80]))).toBe('Æble;Ø;å;€');
    });

    it('takes the delimiter of the header line: semicolon, comma or tab, ignoring quoted ones', () => {
      expect(detectDelimiter('Titel;Status\na,b,c,d')).toBe(';');
      expect(detectDelimiter('Title,Status,"Start; date"\n')).toBe(',');
      expect(detectDelimiter('Titel\tStatus')).toBe('\t');
      expect(detectDelimiter('Titel')).toBe(';');
    });

    it('matches headers in either language, ignoring case and spaces, and numbers rows as the spreadsheet does', async () => {
      const csv = 'TITEL; slut dato ;Lead department;Egen kolonne\r\nEt;01-02-2026;MSO;x\r\n;;;\r\n"To\nlinjer";;MBU;\r\n';
      const file = await readImportFile(Buffer.from(csv), 'csv');
      expect(file.milestones).toBeNull();
      expect([...(file.initiatives?.headers ?? [])]).toEqual([
        ['title', 'TITEL'],
        ['targetDate', 'slut dato'],
        ['leadDepartment', 'Lead department'],
      ]);
      expect(file.initiatives?.rows.map((row) => [row.row, row.cells.get('title')])).toEqual([
        [2, 'Et'],
        [4, 'To\nlinjer'],
      ]);
    });

    it('reads a CSV with milestone columns as the milestones sheet', async () => {
      const file = await readImportFile(Buffer.from('Initiative id,Title,Due date\r\nx,y,z'), 'csv');
      expect(file.initiatives).toBeNull();
      expect(file.language).toBe('en');
      expect(file.milestones?.rows).toHaveLength(1);
    });

    it('refuses an empty file, text that is not CSV and a table without the required columns', async () => {
      expect(await codeOf(() => readImportFile(Buffer.alloc(0), 'csv'))).toBe('unreadableFile');
      expect(await codeOf(() => readImportFile(Buffer.from('Titel\r\n"aldrig lukket'), 'csv'))).toBe('unreadableFile');
      expect(await codeOf(() => readImportFile(Buffer.from('a\u0000b'), 'csv'))).toBe('unreadableFile');
      expect(await codeOf(() => readImportFile(Buffer.from('Navn;Alder'), 'csv'))).toBe('missingColumns');
      expect(await codeOf(() => readImportFile(Buffer.from('Status;Startdato\r\nI gang;'), 'csv'))).toBe('missingColumns');
    });
  });

  describe('XLSX', () => {
    it('finds the sheets by name in either language, skips the guide and reads dates, rich text and formula results', async () => {
      const workbook = new Workbook();
      workbook.addWorksheet('Guide').addRow(['Titel', 'Ansvarlig afdeling']);
      const sheet = workbook.addWorksheet('initiatives');
      sheet.addRow(['Title', 'Start date', 'Summary', 'Owner']);
      sheet.addRow([{ richText: [{ text: 'Sprog' }, { text: 'praktik' }] }, new Date('2026-03-01T00:00:00Z'), { formula: '1+1', result: 2 }, null]);
      workbook.addWorksheet('Milepæle').addRow(['Initiativ-id', 'Titel']);
      const file = await readImportFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
      expect(file.language).toBe('en');
      expect(file.initiatives?.rows[0].cells).toEqual(
        new Map<string, unknown>([
          ['title', 'Sprogpraktik'],
          ['startDate', new Date('2026-03-01T00:00:00Z')],
          ['summary', 2],
          ['ownerName', null],
        ]),
      );
      expect(file.milestones?.rows).toEqual([]);
    });

    it('gives a link its text and an error cell its code', () => {
      expect(plainValue({ text: 'Se mere', hyperlink: 'https://example.org' })).toBe('Se mere');
      expect(plainValue({ error: '#N/A' } as never)).toBe('#N/A');
      expect(plainValue(undefined)).toBeNull();
    });

    it('refuses a workbook of more rows than an import takes, counting the rows before exceljs reads them', async () => {
      const workbookOf = async (rows: number) => {
        const workbook = new Workbook();
        const sheet = workbook.addWorksheet('Initiativer');
        sheet.addRow(['Titel']);
        for (let i = 0; i < rows; i++) sheet.addRow([`Initiativ ${i}`]);
        return Buffer.from(await workbook.xlsx.writeBuffer());
      };
      const justOver = await workbookOf(IMPORT_LIMITS.maxRows + 1);
      expect(await codeOf(() => readImportFile(justOver, 'xlsx'))).toBe('tooManyRows');
      const farOver = await workbookOf(IMPORT_LIMITS.maxRows * 3);
      expect(await codeOf(() => checkZip(farOver))).toBe('tooManyRows');
      const atTheLimit = await workbookOf(IMPORT_LIMITS.maxRows);
      expect(await codeOf(() => readImportFile(atTheLimit, 'xlsx'))).toBe('accepted');
    });

    it('refuses what is not a zip, a damaged zip and one that unpacks to more than an import takes', async () => {
      expect(await codeOf(() => checkZip(Buffer.from('Titel;Status')))).toBe('unreadableFile');
      expect(await codeOf(() => checkZip(zipOf([{ name: 'a.xml', data: Buffer.from('<a/>') }])))).toBe('accepted');
      const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(65 * 1024 * 1024), declaredSize: 10 }]);
      expect(bomb.length).toBeLessThan(200 * 1024);
      expect(await codeOf(() => checkZip(bomb))).toBe('unreadableFile');
      expect(await codeOf(() => checkZip(bomb.subarray(0, bomb.length - 30)))).toBe('unreadableFile');
      expect(await codeOf(() => readImportFile(zipOf([{ name: 'a.xml', data: Buffer.from('<a/>') }]), 'xlsx'))).toBe('unreadableFile');
    });
  });
});
