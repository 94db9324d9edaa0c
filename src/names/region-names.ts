/**
 * Regions in the three languages, with the stems their adjectives are built on (Ростовская
 * область, Ростовська область, Rostov Oblast all rest on "Ростов"), and the names used by
 * the occupation administrations and by Russian prison authorities (ДНР, Республика Крым).
 */
export interface RegionName {
  /** ISO 3166-2 code; Crimea stays UA-43. */
  code: string;
  en: string;
  uk: string;
  ru: string;
  alt: readonly string[];
  /** Stems of the region's adjective and name, compared by match key. */
  stems: readonly string[];
}

// code | en | uk | ru | alternatives; … | stems; …
const TABLE = `
RU-ROS | Rostov Oblast | Ростовська область | Ростовская область | | Ростов; Rostov
RU-KRS | Kursk Oblast | Курська область | Курская область | | Курськ; Курск; Kursk
RU-BRY | Bryansk Oblast | Брянська область | Брянская область | | Брянськ; Брянск; Bryansk
RU-SMO | Smolensk Oblast | Смоленська область | Смоленская область | | Смоленськ; Смоленск; Smolensk
RU-MO | Republic of Mordovia | Республіка Мордовія | Республика Мордовия | Mordovia; Мордовия; Мордовія | Мордовия; Мордовськ; Мордовск; Mordovia; Mordovian
RU-TUL | Tula Oblast | Тульська область | Тульская область | Tula region | Тульськ; Тульск; Tula
RU-BEL | Belgorod Oblast | Бєлгородська область | Белгородская область | | Бєлгород; Белгород; Belgorod; Bilhorod
RU-VGG | Volgograd Oblast | Волгоградська область | Волгоградская область | | Волгоград; Volgograd
RU-VLA | Vladimir Oblast | Владимирська область | Владимирская область | | Владимир; Vladimir
RU-KYA | Krasnoyarsk Krai | Красноярський край | Красноярский край | | Красноярськ; Красноярск; Krasnoyarsk
RU-YAN | Yamalo-Nenets Autonomous Okrug | Ямало-Ненецький автономний округ | Ямало-Ненецкий автономный округ | Yamal; Ямал; ЯНАО; YaNAO | Ямало-Ненецьк; Ямало-Ненецк; Yamalo-Nenets; Ямальськ; Ямальск
RU-PER | Perm Krai | Пермський край | Пермский край | Prikamye | Пермськ; Пермск; Perm
RU-VOR | Voronezh Oblast | Воронезька область | Воронежская область | | Воронеж; Воронезьк; Voronezh
RU-MOW | Moscow | Москва | Москва | Moscow city | Москв; Московськ; Московск; Moscow
RU-MOS | Moscow Oblast | Московська область | Московская область | Podmoskovye | Підмосков; Подмосков
RU-BA | Republic of Bashkortostan | Республіка Башкортостан | Республика Башкортостан | Bashkortostan; Bashkiria; Башкирия; Башкирія | Башкортостан; Башкир; Bashkortostan; Bashkir
RU-IRK | Irkutsk Oblast | Іркутська область | Иркутская область | | Іркутськ; Иркутск; Irkutsk
RU-KDA | Krasnodar Krai | Краснодарський край | Краснодарский край | Kuban; Кубань | Краснодар; Krasnodar; Кубан
RU-ORL | Oryol Oblast | Орловська область | Орловская область | | Орловськ; Орловск; Oryol; Orel
RU-LIP | Lipetsk Oblast | Липецька область | Липецкая область | | Липецьк; Липецк; Lipetsk
RU-TAM | Tambov Oblast | Тамбовська область | Тамбовская область | | Тамбов; Tambov
RU-PNZ | Penza Oblast | Пензенська область | Пензенская область | | Пенз; Penza
RU-SAR | Saratov Oblast | Саратовська область | Саратовская область | | Саратов; Saratov
RU-RYA | Ryazan Oblast | Рязанська область | Рязанская область | | Рязан; Ryazan
RU-KLU | Kaluga Oblast | Калузька область | Калужская область | | Калуг; Калузьк; Калужск; Kaluga
RU-TVE | Tver Oblast | Тверська область | Тверская область | | Твер; Tver
RU-YAR | Yaroslavl Oblast | Ярославська область | Ярославская область | | Ярослав; Yaroslavl
RU-SPE | Saint Petersburg | Санкт-Петербург | Санкт-Петербург | St Petersburg | Петербург; Petersburg
RU-LEN | Leningrad Oblast | Ленінградська область | Ленинградская область | | Ленінград; Ленинград; Leningrad
RU-NIZ | Nizhny Novgorod Oblast | Нижньогородська область | Нижегородская область | | Нижегород; Нижньогород; Nizhny Novgorod
RU-TA | Republic of Tatarstan | Республіка Татарстан | Республика Татарстан | Tatarstan | Татарстан; Tatarstan
RU-SAM | Samara Oblast | Самарська область | Самарская область | | Самар; Samara
RU-SVE | Sverdlovsk Oblast | Свердловська область | Свердловская область | | Свердловськ; Свердловск; Sverdlovsk
RU-CHE | Chelyabinsk Oblast | Челябінська область | Челябинская область | | Челябінськ; Челябинск; Chelyabinsk
RU-STA | Stavropol Krai | Ставропольський край | Ставропольский край | | Ставрополь; Stavropol
RU-AST | Astrakhan Oblast | Астраханська область | Астраханская область | | Астрахан; Astrakhan
RU-KO | Komi Republic | Республіка Комі | Республика Коми | Komi | Комі; Коми; Komi
RU-MUR | Murmansk Oblast | Мурманська область | Мурманская область | | Мурманськ; Мурманск; Murmansk
RU-ARK | Arkhangelsk Oblast | Архангельська область | Архангельская область | | Архангельськ; Архангельск; Arkhangelsk
RU-PSK | Pskov Oblast | Псковська область | Псковская область | | Псков; Pskov
RU-ORE | Orenburg Oblast | Оренбурзька область | Оренбургская область | | Оренбург; Оренбурзьк; Orenburg
RU-OMS | Omsk Oblast | Омська область | Омская область | | Омськ; Омск; Omsk
RU-NVS | Novosibirsk Oblast | Новосибірська область | Новосибирская область | | Новосибірськ; Новосибирск; Novosibirsk
RU-KIR | Kirov Oblast | Кіровська область | Кировская область | | Кіров; Киров; Kirov
BY-HO | Gomel Region | Гомельська область | Гомельская область | Homel Region; Гомельщина | Гомель; Homel; Gomel
UA-14 | Donetsk Oblast | Донецька область | Донецкая область | ДНР; DNR; DPR; Donetsk People's Republic; Донецкая Народная Республика; Донбас; Donbas | Донецьк; Донецк; Donetsk
UA-09 | Luhansk Oblast | Луганська область | Луганская область | ЛНР; LNR; LPR; Luhansk People's Republic; Луганская Народная Республика | Луганськ; Луганск; Luhansk; Lugansk
UA-43 | Autonomous Republic of Crimea | Автономна Республіка Крим | Республика Крым | Crimea; Крим; Крым; Krym | Крим; Крым; Кримськ; Крымск; Crimea; Krym; Crimean
UA-40 | Sevastopol | Севастополь | Севастополь | | Севастопол; Sevastopol
UA-65 | Kherson Oblast | Херсонська область | Херсонская область | Khersonshchyna; Херсонщина | Херсон; Kherson
UA-23 | Zaporizhzhia Oblast | Запорізька область | Запорожская область | Zaporizhia Oblast | Запоріж; Запорізьк; Запорож; Zaporizhzhia; Zaporizhia; Zaporozhye
UA-63 | Kharkiv Oblast | Харківська область | Харьковская область | Kharkivshchyna; Харківщина | Харків; Харьков; Kharkiv; Kharkov
UA-32 | Kyiv Oblast | Київська область | Киевская область | Kyivshchyna; Київщина | Київ; Киев; Kyiv; Kiev
UA-74 | Chernihiv Oblast | Чернігівська область | Черниговская область | Chernihivshchyna; Чернігівщина | Чернігів; Чернигов; Chernihiv
UA-59 | Sumy Oblast | Сумська область | Сумская область | | Сумськ; Сумск; Sumy
UA-48 | Mykolaiv Oblast | Миколаївська область | Николаевская область | | Миколаїв; Николаев; Mykolaiv
UA-12 | Dnipropetrovsk Oblast | Дніпропетровська область | Днепропетровская область | | Дніпропетров; Днепропетров; Dnipropetrovsk
`;

const split = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export const REGION_NAMES: readonly RegionName[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [code, en, uk, ru, alt, stems] = line.split('|').map((c) => c.trim());
    return {
      code: code ?? '',
      en: en ?? '',
      uk: uk ?? '',
      ru: ru ?? '',
      alt: split(alt),
      stems: split(stems),
    };
  });
