import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { bundledDataDir } from '../../package-root.js';
import { constructName } from './constructed-names.js';

describe('constructName', () => {
  it('builds the name the prison system would use from type, number and settlement', () => {
    const taganrog = {
      type: 'sizo',
      nameEn: 'Pre-trial detention centre No. 2, Taganrog (SIZO-2 Taganrog)',
      settlement: 'Taganrog',
    };
    expect(constructName(taganrog, 'uk')).toBe('СІЗО-2 Таганріг');
    expect(constructName(taganrog, 'ru')).toBe('СИЗО-2 Таганрог');
    const colony = {
      type: 'penal_colony',
      nameEn: 'Correctional colony No. 12, Kamensk-Shakhtinsky (IK-12)',
      settlement: 'Kamensk-Shakhtinsky',
    };
    expect(constructName(colony, 'ru')).toBe('ИК-12 Каменск-Шахтинский');
  });

  it('names an unnumbered place by its type and town, and a town in brackets by its first name', () => {
    expect(
      constructName(
        { type: 'filtration_point', nameEn: 'Filtration point, Olenivka', settlement: 'Olenivka' },
        'uk',
      ),
    ).toBe('Фільтраційний пункт, Оленівка');
    expect(
      constructName(
        {
          type: 'penal_colony',
          nameEn: 'Correctional colony No. 10, Mordovia (IK-10, Udarny)',
          settlement: 'Udarny (Zubovo-Polyansky District)',
        },
        'ru',
      ),
    ).toBe('ИК-10 Ударный');
  });

  it('gives up rather than mix scripts when the town has no known spelling', () => {
    expect(
      constructName({ type: 'sizo', nameEn: 'SIZO-1 Nowhere', settlement: 'Nowheresk' }, 'uk'),
    ).toBeNull();
    expect(constructName({ type: 'sizo', nameEn: 'SIZO-1', settlement: null }, 'uk')).toBeNull();
  });

  it('leaves no bundled facility without a Ukrainian and a Russian name', () => {
    const rows = parse<Record<string, string>>(
      readFileSync(join(bundledDataDir(), 'facilities.csv'), 'utf8'),
      { columns: true },
    );
    const missing = rows.flatMap((r) =>
      (['uk', 'ru'] as const)
        .filter(
          (lang) =>
            !r[`name_${lang}`] &&
            !constructName(
              { type: r.type!, nameEn: r.name_en!, settlement: r.settlement || null },
              lang,
            ),
        )
        .map((lang) => `${r.id} ${lang}`),
    );
    expect(missing).toEqual([]);
  });
});
