import { describe, expect, it } from 'vitest';
import { transliterateUk } from './transliterate-uk.js';

// Examples from the table of Cabinet of Ministers resolution No. 55 of 27 January 2010.
const OFFICIAL: readonly [string, string][] = [
  ['Алушта', 'Alushta'],
  ['Андрій', 'Andrii'],
  ['Борщагівка', 'Borshchahivka'],
  ['Вінниця', 'Vinnytsia'],
  ['Гадяч', 'Hadiach'],
  ['Згорани', 'Zghorany'],
  ['Ґалаґан', 'Galagan'],
  ['Рівне', 'Rivne'],
  ['Єнакієве', 'Yenakiieve'],
  ['Гаєвич', 'Haievych'],
  ["Короп'є", 'Koropie'],
  ['Житомир', 'Zhytomyr'],
  ['Закарпаття', 'Zakarpattia'],
  ['Їжакевич', 'Yizhakevych'],
  ['Кадиївка', 'Kadyivka'],
  ["Мар'їне", 'Marine'],
  ['Йосипівка', 'Yosypivka'],
  ['Стрий', 'Stryi'],
  ['Олексій', 'Oleksii'],
  ['Миколаїв', 'Mykolaiv'],
  ['Ужгород', 'Uzhhorod'],
  ['Харків', 'Kharkiv'],
  ['Біла Церква', 'Bila Tserkva'],
  ['Шостка', 'Shostka'],
  ['Гоща', 'Hoshcha'],
  ['Юрій', 'Yurii'],
  ['Корюківка', 'Koriukivka'],
  ['Яготин', 'Yahotyn'],
  ['Костянтин', 'Kostiantyn'],
  ["Знам'янка", 'Znamianka'],
  ['Феодосія', 'Feodosiia'],
];

describe('transliterateUk', () => {
  it('follows the 2010 national standard', () => {
    for (const [uk, latin] of OFFICIAL) expect(transliterateUk(uk)).toBe(latin);
  });

  it('romanises the towns of the gazetteer as Ukrainian sources do', () => {
    expect(transliterateUk('Оленівка')).toBe('Olenivka');
    expect(transliterateUk('Таганріг')).toBe('Tahanrih');
    expect(transliterateUk('Куп’янськ')).toBe('Kupiansk');
  });

  it('keeps capitals, whole words in capitals, digits and punctuation', () => {
    expect(transliterateUk('СІЗО №2, ЮЖНЕ')).toBe('SIZO №2, YUZHNE');
    expect(transliterateUk('ВК-10')).toBe('VK-10');
  });
});
