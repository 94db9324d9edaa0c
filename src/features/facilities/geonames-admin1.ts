/**
 * GeoNames first-level division codes (`country.admin1`, as in data/geo/settlements.csv) and
 * the ISO 3166-2 codes that facilities carry. GeoNames numbers divisions its own way (Donetsk
 * oblast is UA.05, ISO UA-14), so the gazetteer cannot be filtered by region without this.
 *
 * Made from GeoNames' admin1CodesASCII naming and checked against the dump itself: each
 * code's administrative seat (PPLA/PPLC) in cities500 is the capital of the ISO region
 * (UA.05 Donetsk, RU.46 Saransk, RU.90 Perm, BY.02 Homyel'); the codes without a seat in
 * the dump (UA.11, UA.13, RU.42, RU.47, BY.05) were checked by towns known to lie in them.
 * GeoNames keeps Crimea and Sevastopol under Ukraine, as Polon does (UA-43, UA-40).
 */
const TABLE: Readonly<Record<string, string>> = {
  'UA.01': 'UA-71', // Cherkasy
  'UA.02': 'UA-74', // Chernihiv
  'UA.03': 'UA-77', // Chernivtsi
  'UA.04': 'UA-12', // Dnipropetrovsk
  'UA.05': 'UA-14', // Donetsk
  'UA.06': 'UA-26', // Ivano-Frankivsk
  'UA.07': 'UA-63', // Kharkiv
  'UA.08': 'UA-65', // Kherson
  'UA.09': 'UA-68', // Khmelnytskyi
  'UA.10': 'UA-35', // Kirovohrad
  'UA.11': 'UA-43', // Crimea
  'UA.12': 'UA-30', // Kyiv (city)
  'UA.13': 'UA-32', // Kyiv oblast
  'UA.14': 'UA-09', // Luhansk
  'UA.15': 'UA-46', // Lviv
  'UA.16': 'UA-48', // Mykolaiv
  'UA.17': 'UA-51', // Odesa
  'UA.18': 'UA-53', // Poltava
  'UA.19': 'UA-56', // Rivne
  'UA.20': 'UA-40', // Sevastopol
  'UA.21': 'UA-59', // Sumy
  'UA.22': 'UA-61', // Ternopil
  'UA.23': 'UA-05', // Vinnytsia
  'UA.24': 'UA-07', // Volyn
  'UA.25': 'UA-21', // Zakarpattia
  'UA.26': 'UA-23', // Zaporizhzhia
  'UA.27': 'UA-18', // Zhytomyr
  'BY.01': 'BY-BR', // Brest
  'BY.02': 'BY-HO', // Homyel
  'BY.03': 'BY-HR', // Hrodna
  'BY.04': 'BY-HM', // Minsk (city)
  'BY.05': 'BY-MI', // Minsk region
  'BY.06': 'BY-MA', // Mahilyow
  'BY.07': 'BY-VI', // Vitebsk
  'RU.01': 'RU-AD', // Adygea
  'RU.03': 'RU-AL', // Altai Republic
  'RU.04': 'RU-ALT', // Altai Krai
  'RU.05': 'RU-AMU', // Amur
  'RU.06': 'RU-ARK', // Arkhangelsk
  'RU.07': 'RU-AST', // Astrakhan
  'RU.08': 'RU-BA', // Bashkortostan
  'RU.09': 'RU-BEL', // Belgorod
  'RU.10': 'RU-BRY', // Bryansk
  'RU.11': 'RU-BU', // Buryatia
  'RU.12': 'RU-CE', // Chechnya
  'RU.13': 'RU-CHE', // Chelyabinsk
  'RU.15': 'RU-CHU', // Chukotka
  'RU.16': 'RU-CU', // Chuvashia
  'RU.17': 'RU-DA', // Dagestan
  'RU.19': 'RU-IN', // Ingushetia
  'RU.20': 'RU-IRK', // Irkutsk
  'RU.21': 'RU-IVA', // Ivanovo
  'RU.22': 'RU-KB', // Kabardino-Balkaria
  'RU.23': 'RU-KGD', // Kaliningrad
  'RU.24': 'RU-KL', // Kalmykia
  'RU.25': 'RU-KLU', // Kaluga
  'RU.27': 'RU-KC', // Karachay-Cherkessia
  'RU.28': 'RU-KR', // Karelia
  'RU.29': 'RU-KEM', // Kemerovo
  'RU.30': 'RU-KHA', // Khabarovsk
  'RU.31': 'RU-KK', // Khakassia
  'RU.32': 'RU-KHM', // Khanty-Mansi
  'RU.33': 'RU-KIR', // Kirov
  'RU.34': 'RU-KO', // Komi
  'RU.37': 'RU-KOS', // Kostroma
  'RU.38': 'RU-KDA', // Krasnodar
  'RU.40': 'RU-KGN', // Kurgan
  'RU.41': 'RU-KRS', // Kursk
  'RU.42': 'RU-LEN', // Leningrad oblast
  'RU.43': 'RU-LIP', // Lipetsk
  'RU.44': 'RU-MAG', // Magadan
  'RU.45': 'RU-ME', // Mari El
  'RU.46': 'RU-MO', // Mordovia
  'RU.47': 'RU-MOS', // Moscow oblast
  'RU.48': 'RU-MOW', // Moscow (city)
  'RU.49': 'RU-MUR', // Murmansk
  'RU.50': 'RU-NEN', // Nenets
  'RU.51': 'RU-NIZ', // Nizhny Novgorod
  'RU.52': 'RU-NGR', // Novgorod
  'RU.53': 'RU-NVS', // Novosibirsk
  'RU.54': 'RU-OMS', // Omsk
  'RU.55': 'RU-ORE', // Orenburg
  'RU.56': 'RU-ORL', // Oryol
  'RU.57': 'RU-PNZ', // Penza
  'RU.59': 'RU-PRI', // Primorsky
  'RU.60': 'RU-PSK', // Pskov
  'RU.61': 'RU-ROS', // Rostov
  'RU.62': 'RU-RYA', // Ryazan
  'RU.63': 'RU-SA', // Sakha
  'RU.64': 'RU-SAK', // Sakhalin
  'RU.65': 'RU-SAM', // Samara
  'RU.66': 'RU-SPE', // Saint Petersburg
  'RU.67': 'RU-SAR', // Saratov
  'RU.68': 'RU-SE', // North Ossetia
  'RU.69': 'RU-SMO', // Smolensk
  'RU.70': 'RU-STA', // Stavropol
  'RU.71': 'RU-SVE', // Sverdlovsk
  'RU.72': 'RU-TAM', // Tambov
  'RU.73': 'RU-TA', // Tatarstan
  'RU.75': 'RU-TOM', // Tomsk
  'RU.76': 'RU-TUL', // Tula
  'RU.77': 'RU-TVE', // Tver
  'RU.78': 'RU-TYU', // Tyumen
  'RU.79': 'RU-TY', // Tuva
  'RU.80': 'RU-UD', // Udmurtia
  'RU.81': 'RU-ULY', // Ulyanovsk
  'RU.83': 'RU-VLA', // Vladimir
  'RU.84': 'RU-VGG', // Volgograd
  'RU.85': 'RU-VLG', // Vologda
  'RU.86': 'RU-VOR', // Voronezh
  'RU.87': 'RU-YAN', // Yamalo-Nenets
  'RU.88': 'RU-YAR', // Yaroslavl
  'RU.89': 'RU-YEV', // Jewish Autonomous Oblast
  'RU.90': 'RU-PER', // Perm
  'RU.91': 'RU-KYA', // Krasnoyarsk
  'RU.92': 'RU-KAM', // Kamchatka
  'RU.93': 'RU-ZAB', // Zabaykalsky
};

/** The ISO 3166-2 code of a GeoNames division, or null where the table has none. */
export function isoRegionOf(country: string, admin1: string): string | null {
  return TABLE[`${country}.${admin1}`] ?? null;
}
