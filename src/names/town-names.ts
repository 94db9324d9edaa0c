/**
 * Ukrainian, Russian and English names of towns, where the Ukrainian and Russian forms
 * differ in ways no rule predicts (Таганріг/Таганрог, Вовчанськ/Волчанск, Єнакієве/Енакиево)
 * or where older romanisations live on in sources (Lugansk, Makeyevka, Yelenovka). The
 * settlements of the bundled gazetteer come first, then towns a mention may name instead
 * (so a matcher can tell "SIZO-1 Bryansk" from "SIZO-2 Novozybkov" rather than ignore
 * Bryansk). Towns missing here still match through their match keys.
 */
export interface TownName {
  /** The English name, as the gazetteer writes it. */
  en: string;
  uk: string;
  ru: string;
  /** Other spellings: other romanisations, former names, local usage. */
  alt: readonly string[];
  /** Adjective stems the ending rules cannot derive (Вязьма → вяземськ-, вязьминськ-). */
  adj: readonly string[];
  /** ISO 3166-2 code of the region. */
  region: string;
}

// en | uk | ru | alternatives; … | adjective stems; … | region
const TABLE = `
Taganrog | Таганріг | Таганрог | Tahanrih; Taganrih | таганрозьк; таганрогск | RU-ROS
Kursk | Курськ | Курск | | | RU-KRS
Novozybkov | Новозибків | Новозыбков | Novozybkiv; Novozibkov; Novozibkovsk | новозибківськ; новозыбковск | RU-BRY
Zverevo | Зверево | Зверево | Zverevo | зверевськ; зверевск | RU-ROS
Kamensk-Shakhtinsky | Каменськ-Шахтинський | Каменск-Шахтинский | Kamensk-Shakhtinskiy; Kamensk-Shakhtynskyi; Kamensk | | RU-ROS
Vyazma | Вязьма | Вязьма | Viazma | вяземськ; вяземск; вязьминськ | RU-SMO
Udarny | Ударний | Ударный | Udarnyi; Udarnyy | | RU-MO
Zubova Polyana | Зубова Поляна | Зубова Поляна | Zubovo-Polyansky; Зубово-Полянский | зубово полянск | RU-MO
Donskoy | Донськой | Донской | Donskoi; Donskoj | | RU-TUL
Stary Oskol | Старий Оскол | Старый Оскол | Staryi Oskil; Staryi Oskol; Stary Oskil; Oskol | старооскольськ; старооскольск | RU-BEL
Malaya Loknya | Мала Локня | Малая Локня | Mala Loknia; Malaya Loknia | | RU-KRS
Valuyki | Валуйки | Валуйки | Valuiki | валуйськ; валуйск | RU-BEL
Kamyshin | Камишин | Камышин | Kamyshyn | камишинськ; камышинск | RU-VGG
Surovikino | Суровікіно | Суровикино | | суровікінськ; суровикинск | RU-VGG
Glushkovo | Глушково | Глушково | Hlushkovo | глушковськ; глушковск | RU-KRS
Vladimir | Володимир | Владимир | | | RU-VLA
Yeniseysk | Єнісейськ | Енисейск | Yeniseisk | | RU-KYA
Kharp | Харп | Харп | | | RU-YAN
Narovlya | Наровля | Наровля | Narovlia; Naroulia; Нароўля | наровлянськ; наровлянск | BY-HO
Olenivka | Оленівка | Оленовка | Yelenovka; Еленовка; Olenovka; Olenivka | оленівськ; еленовск; оленовск | UA-14
Donetsk | Донецьк | Донецк | | | UA-14
Makiivka | Макіївка | Макеевка | Makeyevka; Makeevka; Makiyivka | макіївськ; макеевск | UA-14
Bezimenne | Безіменне | Безыменное | Bezymennoye; Bezymenne | | UA-14
Dokuchaievsk | Докучаєвськ | Докучаевск | Dokuchayevsk | | UA-14
Manhush | Мангуш | Мангуш | Mangush | | UA-14
Novoazovsk | Новоазовськ | Новоазовск | | | UA-14
Starobesheve | Старобешеве | Старобешево | Starobeshevo | старобешівськ; старобешевск | UA-14
Mariupol | Маріуполь | Мариуполь | Mariupil | маріупольськ; мариупольск | UA-14
Luhansk | Луганськ | Луганск | Lugansk | | UA-09
Simferopol | Сімферополь | Симферополь | Akmesdzhyt | сімферопольськ; симферопольск | UA-43
Kherson | Херсон | Херсон | Cherson | | UA-65
Stara Zburivka | Стара Збур'ївка | Старая Збурьевка | Staraya Zburyevka; Stara Zburiivka | | UA-65
Chaplynka | Чаплинка | Чаплинка | Chaplinka | | UA-65
Pershotravneve | Першотравневе | Першотравневое | Pershotravnev; Pershotravnevoye | | UA-65
Melitopol | Мелітополь | Мелитополь | | мелітопольськ; мелитопольск | UA-23
Tokmak | Токмак | Токмак | | | UA-23
Vasylivka | Василівка | Васильевка | Vasilyevka; Vasilivka | | UA-23
Izium | Ізюм | Изюм | Izyum; Izum | | UA-63
Balakliia | Балаклія | Балаклея | Balakleya; Balakliya; Balakleia | | UA-63
Vovchansk | Вовчанськ | Волчанск | Volchansk; Vovchans'k | | UA-63
Hrakove | Гракове | Граково | Grakovo | | UA-63
Chuhuiv | Чугуїв | Чугуев | Chuguyev; Chuhuyiv | | UA-63
Kupiansk | Куп'янськ | Купянск | Kupyansk | | UA-63
Kozacha Lopan | Козача Лопань | Казачья Лопань | Kazachya Lopan | | UA-63
Shevchenkove | Шевченкове | Шевченково | Shevchenkovo | | UA-63
Hostomel | Гостомель | Гостомель | Gostomel | | UA-32
Dymer | Димер | Дымер | | | UA-32
Kozarovychi | Козаровичі | Козаровичи | Kozarovichi | | UA-32
Yahidne | Ягідне | Ягодное | Yagodnoye; Yahidne | | UA-74
Kizel | Кізел | Кизел | | | RU-PER
Borisoglebsk | Борисоглібськ | Борисоглебск | Borysohlibsk | | RU-VOR
Pakino | Пакіно | Пакино | | | RU-VLA
Moscow | Москва | Москва | Moskva | московськ; московск | RU-MOW
Rostov-on-Don | Ростов-на-Дону | Ростов-на-Дону | Rostov-na-Donu; Rostov | | RU-ROS
Salavat | Салават | Салават | | | RU-BA
Labytnangi | Лабитнангі | Лабытнанги | | | RU-YAN
Irkutsk | Іркутськ | Иркутск | | | RU-IRK
Krasnodar | Краснодар | Краснодар | | | RU-KDA
Gulkevichi | Гулькевичі | Гулькевичи | Hulkevychi | | RU-KDA
Kakhovka | Каховка | Каховка | | каховськ; каховск | UA-65
Nova Kakhovka | Нова Каховка | Новая Каховка | Novaya Kakhovka | новокаховськ; новокаховск | UA-65
Hornostaivka | Горностаївка | Горностаевка | Gornostayevka | | UA-65
Enerhodar | Енергодар | Энергодар | Energodar | | UA-23
Berdiansk | Бердянськ | Бердянск | Berdyansk | | UA-23
Horlivka | Горлівка | Горловка | Gorlovka | | UA-14
Nikolske | Нікольське | Никольское | Nikolskoye; Nikolske; Volodarske; Володарське; Володарское | | UA-14
Alchevsk | Алчевськ | Алчевск | | | UA-09
Komisarivka | Комісарівка | Комиссаровка | Komissarovka | | UA-09
Rovenky | Ровеньки | Ровеньки | Rovenki | | UA-09
Kerch | Керч | Керчь | | керченськ; керченск | UA-43
Hola Prystan | Гола Пристань | Голая Пристань | Golaya Pristan | голопристанськ; голопристанск | UA-65
Yenakiieve | Єнакієве | Енакиево | Yenakiyevo; Yenakievo | єнакіївськ; енакиевск | UA-14
Volnovakha | Волноваха | Волноваха | | | UA-14
Perevalsk | Перевальськ | Перевальск | | | UA-09
Bryansk | Брянськ | Брянск | | | RU-BRY
Belgorod | Бєлгород | Белгород | Bilhorod | | RU-BEL
Voronezh | Воронеж | Воронеж | | воронезьк; воронежск | RU-VOR
Smolensk | Смоленськ | Смоленск | | | RU-SMO
Tula | Тула | Тула | | тульськ; тульск | RU-TUL
Volgograd | Волгоград | Волгоград | | | RU-VGG
Perm | Перм | Пермь | | | RU-PER
Krasnoyarsk | Красноярськ | Красноярск | | | RU-KYA
Yekaterinburg | Єкатеринбург | Екатеринбург | | | RU-SVE
Novosibirsk | Новосибірськ | Новосибирск | | | RU-NVS
Nizhny Novgorod | Нижній Новгород | Нижний Новгород | | нижегородськ; нижегородск | RU-NIZ
Kazan | Казань | Казань | | | RU-TA
Samara | Самара | Самара | | | RU-SAM
Saratov | Саратов | Саратов | | | RU-SAR
Ryazan | Рязань | Рязань | | | RU-RYA
Kaluga | Калуга | Калуга | | | RU-KLU
Oryol | Орел | Орёл | Orel; Oriol | орловськ; орловск | RU-ORL
Lipetsk | Липецьк | Липецк | | | RU-LIP
Tambov | Тамбов | Тамбов | | | RU-TAM
Penza | Пенза | Пенза | | | RU-PNZ
Saransk | Саранськ | Саранск | | | RU-MO
Ufa | Уфа | Уфа | | | RU-BA
Chelyabinsk | Челябінськ | Челябинск | | | RU-CHE
Omsk | Омськ | Омск | | | RU-OMS
Saint Petersburg | Санкт-Петербург | Санкт-Петербург | St Petersburg; Petersburg; Peterburg | петербурзьк; петербургск | RU-SPE
Sochi | Сочі | Сочи | | | RU-KDA
Novocherkassk | Новочеркаськ | Новочеркасск | | | RU-ROS
Shakhty | Шахти | Шахты | | | RU-ROS
Bataysk | Батайськ | Батайск | | | RU-ROS
Volgodonsk | Волгодонськ | Волгодонск | | | RU-ROS
Millerovo | Міллерово | Миллерово | | | RU-ROS
Novorossiysk | Новоросійськ | Новороссийск | | | RU-KDA
Stavropol | Ставрополь | Ставрополь | | | RU-STA
Pskov | Псков | Псков | | | RU-PSK
Tver | Твер | Тверь | | | RU-TVE
Yaroslavl | Ярославль | Ярославль | | | RU-YAR
Kirov | Кіров | Киров | | | RU-KIR
Murmansk | Мурманськ | Мурманск | | | RU-MUR
Arkhangelsk | Архангельськ | Архангельск | | | RU-ARK
Vorkuta | Воркута | Воркута | | | RU-KO
Salekhard | Салехард | Салехард | | | RU-YAN
Orenburg | Оренбург | Оренбург | | | RU-ORE
Sol-Iletsk | Соль-Ілецьк | Соль-Илецк | | | RU-ORE
Astrakhan | Астрахань | Астрахань | | | RU-AST
Sudzha | Суджа | Суджа | | | RU-KRS
Rylsk | Рильськ | Рыльск | | | RU-KRS
Lgov | Льгов | Льгов | | | RU-KRS
Shebekino | Шебекине | Шебекино | | | RU-BEL
Gubkin | Губкін | Губкин | | | RU-BEL
Sevastopol | Севастополь | Севастополь | | | UA-40
Yevpatoria | Євпаторія | Евпатория | Eupatoria | | UA-43
Feodosia | Феодосія | Феодосия | Feodosiia | | UA-43
Dzhankoi | Джанкой | Джанкой | Dzhankoy | | UA-43
Yalta | Ялта | Ялта | | | UA-43
Kyiv | Київ | Киев | Kiev | київськ; киевск | UA-30
Kharkiv | Харків | Харьков | Kharkov | харківськ; харьковск | UA-63
Odesa | Одеса | Одесса | Odessa | одеськ; одесск | UA-51
Dnipro | Дніпро | Днепр | Dnipropetrovsk | | UA-12
Zaporizhzhia | Запоріжжя | Запорожье | Zaporozhye; Zaporizhia | запорізьк; запорожск | UA-23
Mykolaiv | Миколаїв | Николаев | Nikolaev; Mykolayiv | | UA-48
Chernihiv | Чернігів | Чернигов | Chernigov | | UA-74
Sumy | Суми | Сумы | | | UA-59
Poltava | Полтава | Полтава | | | UA-53
Lviv | Львів | Львов | Lvov | | UA-46
Kramatorsk | Краматорськ | Краматорск | | | UA-14
Sloviansk | Слов'янськ | Славянск | Slavyansk | | UA-14
Bakhmut | Бахмут | Бахмут | Artemivsk; Artemovsk | | UA-14
Torez | Торез | Торез | Chystiakove | | UA-14
Snizhne | Сніжне | Снежное | Snezhnoye | | UA-14
Khartsyzk | Харцизьк | Харцызск | | | UA-14
Shakhtarsk | Шахтарськ | Шахтерск | Shakhtersk | | UA-14
Debaltseve | Дебальцеве | Дебальцево | Debaltsevo | | UA-14
Sievierodonetsk | Сєвєродонецьк | Северодонецк | Severodonetsk | | UA-09
Lysychansk | Лисичанськ | Лисичанск | Lisichansk | | UA-09
Kadiivka | Кадіївка | Кадиевка | Stakhanov | | UA-09
Antratsyt | Антрацит | Антрацит | Antratsit | | UA-09
Skadovsk | Скадовськ | Скадовск | | | UA-65
Henichesk | Генічеськ | Геническ | Genichesk | | UA-65
Oleshky | Олешки | Алешки | Aleshki | | UA-65
Minsk | Мінськ | Минск | | | BY-HM
Gomel | Гомель | Гомель | Homel; Homiel | | BY-HO
Mozyr | Мозир | Мозырь | Mazyr | | BY-HO
`;

const split = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export const TOWN_NAMES: readonly TownName[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [en, uk, ru, alt, adj, region] = line.split('|').map((c) => c.trim());
    return {
      en: en ?? '',
      uk: uk ?? '',
      ru: ru ?? '',
      alt: split(alt),
      adj: split(adj),
      region: region ?? '',
    };
  });
