// Addresses inside a municipality: its towns and villages, their streets, house numbers and
// postcodes. Streets carry an abbreviated type in front («ул.», «пр.», «пер.»), which reads right in
// any grammatical case, so a street never has to be declined.
import type { Random } from './random';

export interface Locality {
  /** «г. Асбест», «пос. Монетный» */
  name: string;
  /** Postcodes [first, last]. */
  postcodes: [number, number];
  streets: string[];
  /** Share of the municipality's appeals. */
  weight: number;
  /** Mostly private houses: no flats, no apartment blocks. */
  village?: boolean;
}

export interface Address {
  locality: Locality;
  /** «ул. Малышева» */
  street: string;
  /** «51», «12а», «5/1» */
  house: string;
  flat: number | null;
  /** Used when the place is a crossing. */
  crossStreet: string;
}

const VILLAGE_STREETS = [
  'ул. Ленина', 'ул. Мира', 'ул. Советская', 'ул. Школьная', 'ул. Молодёжная', 'ул. Садовая', 'ул. Лесная',
  'ул. Набережная', 'ул. Полевая', 'ул. Центральная', 'ул. Заречная', 'ул. Новая', 'ул. Зелёная', 'ул. Луговая',
  'ул. Трактовая', 'ул. Береговая', 'ул. Кирова', 'пер. Школьный', 'пер. Клубный', 'ул. Октябрьская',
];

const TOWN_STREETS = [
  'ул. Ленина', 'ул. Мира', 'ул. Советская', 'ул. Октябрьская', 'ул. Молодёжная', 'ул. Победы', 'ул. Гагарина',
  'ул. Кирова', 'ул. Свердлова', 'ул. Строителей', 'ул. Садовая', 'ул. Набережная', 'ул. Комсомольская',
  'ул. Лесная', 'ул. Пушкина', 'ул. Уральская', 'ул. Заводская', 'ул. Школьная', 'ул. Горького', 'ул. Чапаева',
  'ул. 8 Марта', 'ул. Первомайская', 'ул. Карла Маркса', 'ул. Калинина', 'пер. Клубный', 'ул. Куйбышева',
];

const village = (name: string, postcode: number, weight: number): Locality => ({
  name, postcodes: [postcode, postcode], streets: VILLAGE_STREETS, weight, village: true,
});

/** The municipalities of the demo region; any other municipality gets TOWN_STREETS. */
export const KNOWN_LOCALITIES: Record<string, Locality[]> = {
  ekaterinburg: [{
    name: 'г. Екатеринбург', postcodes: [620000, 620149], weight: 1, streets: [
      'ул. Малышева', 'пр. Ленина', 'ул. 8 Марта', 'ул. Белинского', 'ул. Куйбышева', 'ул. Вайнера', 'ул. Шейнкмана',
      'ул. Радищева', 'ул. Бебеля', 'ул. Викулова', 'ул. Челюскинцев', 'ул. Репина', 'ул. Татищева', 'ул. Посадская',
      'ул. Щорса', 'ул. Амундсена', 'ул. Волгоградская', 'ул. Серафимы Дерябиной', 'ул. Металлургов', 'ул. Крауля',
      'пр. Космонавтов', 'ул. Победы', 'ул. Уральских Рабочих', 'ул. Кировградская', 'ул. Бакинских Комиссаров',
      'ул. Машиностроителей', 'ул. Ильича', 'ул. Фронтовых Бригад', 'ул. Старых Большевиков', 'ул. Шефская',
      'ул. Восстания', 'ул. Академика Шварца', 'ул. Крестинского', 'ул. Сыромолотова', 'ул. Комсомольская',
      'ул. Новгородцевой', 'ул. Высоцкого', 'б-р Сиреневый', 'ул. Академика Сахарова', 'ул. Вильгельма де Геннина',
      'ул. Шаумяна', 'ул. Громова', 'ул. Ясная', 'ул. Мира', 'ул. Первомайская', 'ул. Луначарского',
      'ул. Декабристов', 'ул. Чкалова', 'ул. Бардина', 'ул. Павла Шаманова', 'ул. Техническая', 'ул. Начдива Онуфриева',
    ],
  }],
  'nizhny-tagil': [{
    name: 'г. Нижний Тагил', postcodes: [622000, 622052], weight: 1, streets: [
      'пр. Ленина', 'пр. Мира', 'пр. Ленинградский', 'пр. Вагоностроителей', 'пр. Строителей', 'ул. Газетная',
      'ул. Красногвардейская', 'ул. Окунева', 'ул. Юности', 'ул. Зари', 'ул. Тагилстроевская', 'ул. Фрунзе',
      'ул. Карла Маркса', 'ул. Пархоменко', 'ул. Островского', 'ул. Горошникова', 'ул. Дзержинского', 'ул. Черных',
      'ул. Садовая', 'ул. Свердлова', 'ул. Уральская', 'ул. Циолковского', 'ул. Черепанова', 'ул. Победы',
      'ул. Ильича', 'ул. Новострой', 'ул. Сибирская', 'ул. Коминтерна',
    ],
  }],
  'kamensk-uralsky': [{
    name: 'г. Каменск-Уральский', postcodes: [623400, 623439], weight: 1, streets: [
      'пр. Победы', 'ул. Ленина', 'ул. Каменская', 'ул. Суворова', 'ул. Кирова', 'ул. Алюминиевая', 'ул. Исетская',
      'ул. Октябрьская', 'ул. Строителей', 'ул. Карла Маркса', 'ул. Гагарина', 'ул. Рябова', 'ул. Кунавина',
      'ул. Механизаторов', 'ул. Калинина', 'ул. Лермонтова', 'ул. Ленинградская', 'ул. Белинского',
      'б-р Комсомольский', 'ул. Кутузова', 'ул. Челябинская', 'ул. Добролюбова',
    ],
  }],
  pervouralsk: [
    {
      name: 'г. Первоуральск', postcodes: [623100, 623119], weight: 0.85, streets: [
        'ул. Ватутина', 'ул. Ленина', 'ул. Вайнера', 'ул. Комсомольская', 'ул. Строителей', 'ул. Трубников',
        'ул. Береговая', 'пр. Ильича', 'ул. Чкалова', 'ул. Емлина', 'ул. Прокатчиков', 'ул. Папанинцев',
        'ул. Советская', 'ул. Малышева', 'ул. Гагарина', 'ул. Данилова', 'ул. Металлургов', 'ул. Космонавтов',
        'ул. Сантехизделий', 'ул. Герцена',
      ],
    },
    village('пос. Билимбай', 623130, 0.06),
    village('пос. Кузино', 623125, 0.03),
    village('с. Новоалексеевское', 623120, 0.03),
    village('пос. Динас', 623111, 0.03),
  ],
  berezovsky: [
    {
      name: 'г. Берёзовский', postcodes: [623700, 623704], weight: 0.75, streets: [
        'ул. Ленина', 'ул. Анучина', 'ул. Гагарина', 'ул. Театральная', 'ул. Строителей', 'ул. Маяковского',
        'ул. Шиловская', 'ул. Брусницына', 'ул. Восточная', 'ул. Кирова', 'ул. Циолковского', 'ул. Загвозкина',
        'ул. Красных Героев', 'ул. Смирнова', 'ул. Мира',
      ],
    },
    village('пос. Монетный', 623730, 0.1),
    village('пос. Лосиный', 623720, 0.05),
    village('пос. Ключевск', 623711, 0.04),
    village('пос. Сарапулка', 623715, 0.03),
    village('пос. Старопышминск', 623719, 0.03),
  ],
  asbest: [
    {
      name: 'г. Асбест', postcodes: [624260, 624272], weight: 0.85, streets: [
        'ул. Ленинградская', 'ул. Уральская', 'ул. Мира', 'ул. Королёва', 'ул. Плеханова', 'ул. Челюскинцев',
        'ул. Войкова', 'ул. Лесная', 'ул. Садовая', 'ул. Советская', 'ул. Ладыженского', 'ул. Чапаева',
        'ул. Горького', 'ул. Промышленная', 'ул. Победы', 'ул. Калинина', 'ул. Гагарина', 'ул. Ленина',
        'ул. Павлова',
      ],
    },
    village('пос. Белокаменный', 624280, 0.06),
    village('пос. Красноармейский', 624285, 0.05),
    village('пос. Папанинцев', 624282, 0.04),
  ],
  beloyarsky: [
    {
      name: 'пгт Белоярский', postcodes: [624030, 624030], weight: 0.4, streets: [
        'ул. Ленина', 'ул. Юбилейная', 'ул. Милицейская', 'ул. Октябрьская', 'ул. Советская', 'ул. Молодёжная',
        'ул. Школьная', 'ул. Механизаторов', 'ул. Российская', 'ул. Первомайская', 'ул. Свердлова', 'ул. Кирова',
      ],
    },
    village('с. Косулино', 624042, 0.12),
    village('с. Логиново', 624043, 0.06),
    village('с. Кочневское', 624035, 0.08),
    village('с. Большебрусянское', 624046, 0.08),
    village('с. Черноусово', 624049, 0.06),
    village('с. Камышево', 624041, 0.05),
    village('пос. Совхозный', 624037, 0.05),
  ],
};

export function localitiesFor(slug: string, name: string): Locality[] {
  const known = KNOWN_LOCALITIES[slug];
  if (known) return known;
  return [{ name: townName(name), postcodes: [620000, 624999], streets: TOWN_STREETS, weight: 1 }];
}

// «Городской округ Первоуральск» → «г. Первоуральск»; a name in another form is used as it is.
function townName(municipality: string): string {
  const match = /^(?:Город|Городской округ|Муниципальное образование «город)\s+(.+?)»?$/.exec(municipality);
  return match ? `г. ${match[1]}` : municipality;
}

function houseNumber(random: Random, village: boolean): string {
  // Most appeals come from the first few dozen houses of a street; a few carry a letter or a building.
  const base = village ? random.int(1, 60) : Math.max(1, Math.round(Math.pow(random.next(), 1.8) * 160));
  const roll = random.next();
  if (village || roll < 0.82) return String(base);
  if (roll < 0.92) return `${base}${random.pick(['а', 'б', 'в'])}`;
  return `${base}/${random.int(1, 4)}`;
}

export function randomAddress(random: Random, localities: readonly Locality[]): Address {
  const total = localities.reduce((sum, l) => sum + l.weight, 0);
  let roll = random.next() * total;
  let locality = localities[localities.length - 1];
  for (const candidate of localities) {
    roll -= candidate.weight;
    if (roll < 0) {
      locality = candidate;
      break;
    }
  }
  const street = random.pick(locality.streets);
  let crossStreet = random.pick(locality.streets);
  if (crossStreet === street) crossStreet = locality.streets[(locality.streets.indexOf(street) + 1) % locality.streets.length];
  return {
    locality,
    street,
    house: houseNumber(random, locality.village === true),
    flat: locality.village ? null : random.int(1, 180),
    crossStreet,
  };
}

/** «г. Асбест, ул. Ленина, д. 5» — the appeal's place as the registry stores it. */
export function formatAddress(address: Address): string {
  return `${address.locality.name}, ${address.street}, д. ${address.house}`;
}

/** «624260, г. Асбест, ул. Ленина, д. 5, кв. 12» — where a paper answer goes. */
export function formatPostalAddress(random: Random, address: Address): string {
  const [first, last] = address.locality.postcodes;
  const flat = address.flat === null ? '' : `, кв. ${address.flat}`;
  return `${random.int(first, last)}, ${formatAddress(address)}${flat}`;
}

/** «Ленина» from «ул. Ленина»: how people name a street in a chat. */
export function streetCore(street: string): string {
  return street.replace(/^(ул\.|пр\.|пер\.|б-р|пл\.|наб\.|мкр\.|ш\.)\s+/, '');
}
