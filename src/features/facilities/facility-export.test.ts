import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Facility } from './facility.js';
import {
  EXPORT_COLUMNS,
  facilitiesToCsv,
  facilitiesToGeoJson,
  facilitiesToXlsx,
} from './facility-export.js';

// Synthetic facilities; no real place or person.
const facility = (over: Partial<Facility> = {}): Facility => ({
  id: 'testville-sizo-1',
  nameEn: 'Pre-trial detention centre No. 1, Testville',
  nameUk: 'СІЗО №1 Тествіль',
  nameRu: null,
  aliases: ['SIZO-1 Testville', 'Testville SIZO'],
  type: 'sizo',
  typeAsReported: null,
  territory: 'RU',
  region: 'Rostov Oblast',
  regionCode: 'RU-ROS',
  settlement: 'Testville',
  lat: 47.24,
  lon: 38.91,
  coordPrecision: 'settlement',
  coordSource: 'GeoNames 1',
  held: 'both',
  operator: 'fsin',
  status: 'unknown',
  certainty: 'reported',
  notes: null,
  sources: [
    { id: 'url-1', title: null, url: 'https://example.org/report' },
    { id: 'cite-2', title: 'A printed report, 2024', url: null },
  ],
  ...over,
});
const unplaced = facility({ id: 'nowhere-camp', lat: null, lon: null, coordPrecision: null });
const hostile = facility({
  id: 'hostile',
  nameEn: '=HYPERLINK("https://evil.example","x")',
  notes: '+1+cmd|calc',
  aliases: ['@SUM(A1)'],
  typeAsReported: '\t=1',
  region: '-2+3',
  lon: -0.5,
});

describe('facilitiesToGeoJson', () => {
  it('is a FeatureCollection of Points with longitude first', () => {
    const geo = facilitiesToGeoJson([facility(), unplaced]);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(1);
    const [feature] = geo.features;
    expect(feature).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [38.91, 47.24] },
      properties: {
        id: 'testville-sizo-1',
        nameUk: 'СІЗО №1 Тествіль',
        regionCode: 'RU-ROS',
        coordPrecision: 'settlement',
        sources: ['https://example.org/report', 'A printed report, 2024'],
      },
    });
    // Round-trips through JSON as GeoJSON readers get it.
    expect(JSON.parse(JSON.stringify(geo))).toEqual(geo);
  });

  it('leaves facilities without coordinates off the map and lists them', () => {
    expect(facilitiesToGeoJson([unplaced]).withoutCoordinates).toEqual(['nowhere-camp']);
  });
});

describe('facilitiesToCsv', () => {
  it('writes the columns of facilities.csv plus coord_precision', () => {
    const rows = parse<Record<string, string>>(facilitiesToCsv([facility(), unplaced]), {
      columns: true,
    });
    expect(Object.keys(rows[0] ?? {})).toEqual([...EXPORT_COLUMNS]);
    expect(rows[0]).toMatchObject({
      aliases: 'SIZO-1 Testville; Testville SIZO',
      lat: '47.24',
      lon: '38.91',
      coord_precision: 'settlement',
      sources: 'https://example.org/report | A printed report, 2024',
      name_ru: '',
    });
    expect(rows[1]).toMatchObject({ lat: '', lon: '', coord_precision: '' });
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const [row] = parse<Record<string, string>>(facilitiesToCsv([hostile]), { columns: true });
    expect(row).toMatchObject({
      name_en: `'=HYPERLINK("https://evil.example","x")`,
      notes: "'+1+cmd|calc",
      aliases: "'@SUM(A1)",
      type_as_reported: "'\t=1",
      region: "'-2+3",
      // A number is not a formula.
      lon: '-0.5',
    });
  });
});

describe('facilitiesToXlsx', () => {
  it('reads back with a header row, a frozen first row and the values as written', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await facilitiesToXlsx([facility(), hostile]);
    // exceljs declares an older Buffer type than @types/node's; the bytes are what it reads.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('facilities');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_COLUMNS]);
    const col = (name: string): number => EXPORT_COLUMNS.indexOf(name as never) + 1;
    expect(sheet.getRow(2).getCell(col('lat')).value).toBe(47.24);
    expect(sheet.getRow(2).getCell(col('sources')).value).toBe(
      'https://example.org/report | A printed report, 2024',
    );
    // Stored as a string cell, not a formula: nothing for a spreadsheet to run.
    const name = sheet.getRow(3).getCell(col('name_en'));
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe('=HYPERLINK("https://evil.example","x")');
  });
});
