import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CentreKind, type ClubStatus, lastDayOfWeeks, type LocalisedText, type ProgramKind } from '@mrc/domain';
import { API_ROOT } from '../paths.js';
import { Random } from '../rng.js';
import { SHAPES, type Size } from '../sizes.js';
import { addDays, daysBetween, maxDay, minDay } from './calendar.js';

/**
 * The network of a bench database, built in memory before anything is written: centres (a national
 * root, region-level centres and their districts), the club catalogue and programs, clubs and
 * program runs. Everything comes from one seed, so the same size and seed give the same network.
 */

export interface Centre {
  id: string;
  code: string;
  kind: CentreKind;
  parentId: string | null;
  names: LocalisedText;
  towns: LocalisedText;
  latitude: number;
  longitude: number;
  openedOn: string;
  phone: string;
  email: string;
  address: LocalisedText;
  /** Every centre but the root reports monthly (the root reviews, as the regional centre does). */
  reports: boolean;
  /** Young people a month it usually reaches; other figures scale with it. */
  reach: number;
}

export interface ClubType {
  id: string;
  code: string;
  names: LocalisedText;
  description: LocalisedText;
}

export interface Program {
  id: string;
  code: string;
  kind: ProgramKind;
  names: LocalisedText;
  description: LocalisedText;
  minAge: number;
  maxAge: number;
  ageExceptionReason: LocalisedText | null;
  minEducation: string;
  ruralOnly: boolean;
  anonymous: boolean;
  durationWeeks: number | null;
  partners: LocalisedText[];
  mentors: { fullName: string; expertise: LocalisedText }[];
}

export interface Club {
  id: string;
  clubTypeId: string;
  centreId: string;
  leaderName: string;
  schedule: LocalisedText;
  status: ClubStatus;
  startedOn: string | null;
  closedOn: string | null;
}

export interface ProgramRun {
  id: string;
  programId: string;
  centreId: string;
  startsOn: string;
  endsOn: string | null;
  closedOn: string | null;
}

export interface Facility {
  id: string;
  centreId: string;
  kind: string;
  names: LocalisedText;
  amount: number;
}

export interface Network {
  centres: Centre[];
  clubTypes: ClubType[];
  programs: Program[];
  clubs: Club[];
  programRuns: ProgramRun[];
  spaces: Facility[];
  equipment: Facility[];
  /** Clubs and runs by centre id, for the reports. */
  clubsOf: Map<string, Club[]>;
  runsOf: Map<string, ProgramRun[]>;
}

/** Kazakhstan's 17 regions and 3 cities of republican significance: the 20 regions of a national network. */
const REGIONS: { kk: string; ru: string; en: string; town: LocalisedText; lat: number; lon: number }[] = [
  { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abai Region', town: { kk: 'Семей', ru: 'Семей', en: 'Semey' }, lat: 50.41, lon: 80.23 },
  { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region', town: { kk: 'Көкшетау', ru: 'Кокшетау', en: 'Kokshetau' }, lat: 53.28, lon: 69.39 },
  { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region', town: { kk: 'Ақтөбе', ru: 'Актобе', en: 'Aktobe' }, lat: 50.28, lon: 57.17 },
  { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region', town: { kk: 'Қонаев', ru: 'Конаев', en: 'Konaev' }, lat: 43.87, lon: 77.07 },
  { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region', town: { kk: 'Атырау', ru: 'Атырау', en: 'Atyrau' }, lat: 47.11, lon: 51.92 },
  { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region', town: { kk: 'Өскемен', ru: 'Усть-Каменогорск', en: 'Oskemen' }, lat: 49.95, lon: 82.61 },
  { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Jambyl Region', town: { kk: 'Тараз', ru: 'Тараз', en: 'Taraz' }, lat: 42.9, lon: 71.37 },
  { kk: 'Жетісу облысы', ru: 'Область Жетысу', en: 'Jetisu Region', town: { kk: 'Талдықорған', ru: 'Талдыкорган', en: 'Taldykorgan' }, lat: 45.02, lon: 78.37 },
  { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region', town: { kk: 'Қарағанды', ru: 'Караганда', en: 'Karaganda' }, lat: 49.8, lon: 73.11 },
  { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region', town: { kk: 'Қостанай', ru: 'Костанай', en: 'Kostanay' }, lat: 53.21, lon: 63.63 },
  { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region', town: { kk: 'Қызылорда', ru: 'Кызылорда', en: 'Kyzylorda' }, lat: 44.85, lon: 65.51 },
  { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region', town: { kk: 'Ақтау', ru: 'Актау', en: 'Aktau' }, lat: 43.65, lon: 51.16 },
  { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region', town: { kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' }, lat: 52.29, lon: 76.97 },
  { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region', town: { kk: 'Петропавл', ru: 'Петропавловск', en: 'Petropavl' }, lat: 54.87, lon: 69.15 },
  { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region', town: { kk: 'Түркістан', ru: 'Туркестан', en: 'Turkistan' }, lat: 43.3, lon: 68.25 },
  { kk: 'Ұлытау облысы', ru: 'Область Улытау', en: 'Ulytau Region', town: { kk: 'Жезқазған', ru: 'Жезказган', en: 'Zhezkazgan' }, lat: 47.79, lon: 67.71 },
  { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region', town: { kk: 'Орал', ru: 'Уральск', en: 'Oral' }, lat: 51.23, lon: 51.37 },
  { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana', town: { kk: 'Астана', ru: 'Астана', en: 'Astana' }, lat: 51.17, lon: 71.45 },
  { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty', town: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' }, lat: 43.24, lon: 76.89 },
  { kk: 'Шымкент қаласы', ru: 'город Шымкент', en: 'Shymkent', town: { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' }, lat: 42.34, lon: 69.59 },
];

/** Club types beyond the seeded catalogue's seven, so a national centre can run a dozen kinds of club. */
const EXTRA_CLUB_TYPES: Omit<ClubType, 'id'>[] = [
  { code: 'chess', names: { kk: 'Шахмат', ru: 'Шахматы', en: 'Chess' }, description: { kk: 'Шахмат үйірмесі', ru: 'Шахматный клуб', en: 'A chess club' } },
  { code: 'robotics', names: { kk: 'Робототехника', ru: 'Робототехника', en: 'Robotics' }, description: { kk: 'Роботтар құрастыру', ru: 'Сборка и программирование роботов', en: 'Building and programming robots' } },
  { code: 'volunteering', names: { kk: 'Еріктілер', ru: 'Волонтёры', en: 'Volunteering' }, description: { kk: 'Еріктілер қозғалысы', ru: 'Волонтёрское движение', en: 'The volunteers of the centre' } },
  { code: 'english-club', names: { kk: 'Ағылшын клубы', ru: 'Английский клуб', en: 'English club' }, description: { kk: 'Ағылшынша сөйлесу', ru: 'Разговорный английский', en: 'Speaking English' } },
  { code: 'esports', names: { kk: 'Киберспорт', ru: 'Киберспорт', en: 'Esports' }, description: { kk: 'Киберспорт командасы', ru: 'Команда по киберспорту', en: 'An esports team' } },
];

const LEADERS = ['Айгерім Сапарова', 'Ерлан Мұқанов', 'Ольга Ким', 'Данияр Ахметов', 'Жанар Омарова', 'Тимур Исмаилов', 'Мадина Жүсіпова', 'Сергей Ковалёв', 'Әсел Нұрғалиева', 'Бауыржан Қалиев'];
const SCHEDULES: LocalisedText[] = [
  { kk: 'Сейсенбі, бейсенбі 18:00–19:30', ru: 'Вт, чт 18:00–19:30', en: 'Tue, Thu 18:00–19:30' },
  { kk: 'Дүйсенбі, сәрсенбі 17:00–18:30', ru: 'Пн, ср 17:00–18:30', en: 'Mon, Wed 17:00–18:30' },
  { kk: 'Жұма 18:00–20:00', ru: 'Пт 18:00–20:00', en: 'Fri 18:00–20:00' },
  { kk: 'Сенбі 11:00–13:30', ru: 'Сб 11:00–13:30', en: 'Sat 11:00–13:30' },
];
const SPACE_KINDS: { kind: string; names: LocalisedText; capacity: [number, number] }[] = [
  { kind: 'COWORKING', names: { kk: 'Коворкинг', ru: 'Коворкинг', en: 'Coworking' }, capacity: [15, 60] },
  { kind: 'PODCAST_STUDIO', names: { kk: 'Подкаст студиясы', ru: 'Подкаст-студия', en: 'Podcast studio' }, capacity: [3, 6] },
  { kind: 'LECTURE_HALL', names: { kk: 'Дәріс залы', ru: 'Лекционный зал', en: 'Lecture hall' }, capacity: [30, 150] },
];
const EQUIPMENT_KINDS: { kind: string; names: LocalisedText; quantity: [number, number] }[] = [
  { kind: 'CAMERA', names: { kk: 'Камера', ru: 'Камера', en: 'Camera' }, quantity: [1, 4] },
  { kind: 'SOUND', names: { kk: 'Микрофон', ru: 'Микрофон', en: 'Microphone' }, quantity: [2, 8] },
  { kind: 'COMPUTER', names: { kk: 'Ноутбук', ru: 'Ноутбук', en: 'Laptop' }, quantity: [2, 12] },
];

interface SeedCatalogue {
  clubTypes: { code: string; name: LocalisedText; description: LocalisedText }[];
  /** A program as the seed file spells it: `name` where the generated record has `names`, and no id yet. */
  programs: (Omit<Program, 'id' | 'names'> & { name: LocalisedText })[];
}

/** The API's own seed catalogue (club types and programs), read from its seed data. */
function seedCatalogue(): SeedCatalogue {
  return JSON.parse(readFileSync(resolve(API_ROOT, 'src/database/seed/data/catalogue.json'), 'utf8')) as SeedCatalogue;
}

const pad = (n: number) => String(n).padStart(2, '0');

function randomDay(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

/** Which kind the district centre with this index in its region is: two city districts, two towns, then rural districts. */
function districtKind(index: number): CentreKind {
  if (index < 2) return 'CITY_DISTRICT';
  if (index < 4) return 'CITY';
  return 'RURAL_DISTRICT';
}

const USUAL_REACH: Record<CentreKind, number> = { REGIONAL: 0, CITY: 200, CITY_DISTRICT: 250, RURAL_DISTRICT: 70 };

/**
 * @param anchor the latest period that has ended (`YYYY-MM`)
 * @param windowStart the first day of the first month with reports
 */
export function buildNetwork(size: Size, seed: number, anchor: string, windowStart: string): Network {
  const shape = SHAPES[size];
  const random = new Random(`${seed}|network`);
  const ids = new Random(`${seed}|ids|network`);
  const lastDay = addDays(`${anchor}-01`, 27);
  const centres: Centre[] = [];

  const centre = (fields: Omit<Centre, 'id' | 'phone' | 'email' | 'address'> & { street: number }): Centre => {
    const { street, ...rest } = fields;
    const made: Centre = {
      id: ids.uuid(),
      ...rest,
      phone: `+7 7${random.int(100, 299)} ${random.int(10, 99)} ${pad(random.int(0, 99))} ${pad(random.int(0, 99))}`,
      email: `${fields.code}@mrc.bench`,
      address: { kk: `Абай көшесі, ${street}`, ru: `ул. Абая, ${street}`, en: `${street} Abai Street` },
    };
    centres.push(made);
    return made;
  };

  const addDistricts = (parent: Centre, regionIndex: number, region: (typeof REGIONS)[number], prefix: string) => {
    const count = shape.districtsOf(regionIndex);
    for (let d = 0; d < count; d++) {
      const kind = districtKind(d);
      // Most centres opened before the reports begin; a few opened since, and report from then on.
      const openedOn = random.chance(0.06) ? randomDay(random, windowStart, addDays(lastDay, -90)) : randomDay(random, '2013-01-01', '2021-06-30');
      const number = d + 1;
      centre({
        code: `${prefix}-d${pad(number)}`,
        kind,
        parentId: parent.id,
        names: {
          kk: `${region.kk}, ${number}-аудан жастар орталығы`,
          ru: `Молодёжный центр района ${number} (${region.ru})`,
          en: `${region.en} district ${number} youth centre`,
        },
        towns: { kk: `${region.town.kk} ауданы ${number}`, ru: `${region.town.ru}, район ${number}`, en: `${region.town.en} district ${number}` },
        latitude: round4(clamp(region.lat + (random.next() - 0.5) * 3, 40.6, 55.4)),
        longitude: round4(clamp(region.lon + (random.next() - 0.5) * 4, 46.5, 87.3)),
        openedOn,
        reports: true,
        reach: Math.round(USUAL_REACH[kind] * (0.6 + 0.8 * random.next())),
        street: random.int(1, 120),
      });
    }
  };

  if (shape.regions === 0) {
    // One region: its regional centre is the root, as in the seeded Karaganda network.
    const region = REGIONS[8]!;
    const root = centre({
      code: 'r01',
      kind: 'REGIONAL',
      parentId: null,
      names: { kk: `${region.kk} жастар ресурстық орталығы`, ru: `Молодёжный ресурсный центр (${region.ru})`, en: `${region.en} youth resource centre` },
      towns: region.town,
      latitude: region.lat,
      longitude: region.lon,
      openedOn: '2012-09-12',
      reports: false,
      reach: 0,
      street: 35,
    });
    addDistricts(root, 0, region, 'r01');
  } else {
    const root = centre({
      code: 'kz',
      kind: 'REGIONAL',
      parentId: null,
      names: { kk: 'Қазақстан жастар ресурстық орталығы', ru: 'Молодёжный ресурсный центр Казахстана', en: 'Youth Resource Centre of Kazakhstan' },
      towns: { kk: 'Астана', ru: 'Астана', en: 'Astana' },
      latitude: 51.1694,
      longitude: 71.4491,
      openedOn: '2012-01-10',
      reports: false,
      reach: 0,
      street: 1,
    });
    for (let r = 0; r < shape.regions; r++) {
      const base = REGIONS[r % REGIONS.length]!;
      // Past Kazakhstan's 20 regions (national10), the names repeat with a number.
      const round = Math.floor(r / REGIONS.length);
      const region = round === 0 ? base : { ...base, kk: `${base.kk} ${round + 1}`, ru: `${base.ru} ${round + 1}`, en: `${base.en} ${round + 1}` };
      const prefix = `r${String(r + 1).padStart(3, '0')}`;
      // The region's own centre, in its capital: a city centre that reports like the others.
      const regional = centre({
        code: prefix,
        kind: 'CITY',
        parentId: root.id,
        names: { kk: `${region.kk} жастар ресурстық орталығы`, ru: `Молодёжный ресурсный центр (${region.ru})`, en: `${region.en} youth resource centre` },
        towns: region.town,
        latitude: round4(region.lat),
        longitude: round4(region.lon),
        openedOn: randomDay(random, '2012-03-01', '2019-12-31'),
        reports: true,
        reach: Math.round(420 * (0.7 + 0.6 * random.next())),
        street: random.int(1, 120),
      });
      addDistricts(regional, r, region, prefix);
    }
  }

  const catalogue = seedCatalogue();
  const clubTypes: ClubType[] = [
    ...catalogue.clubTypes.map((type) => ({ code: type.code, names: type.name, description: type.description })),
    ...EXTRA_CLUB_TYPES,
  ].map((type) => ({ id: ids.uuid(), ...type }));
  const programs: Program[] = catalogue.programs.map((program) => ({
    id: ids.uuid(),
    code: program.code,
    kind: program.kind,
    names: program.name,
    description: program.description,
    minAge: program.minAge,
    maxAge: program.maxAge,
    ageExceptionReason: program.ageExceptionReason,
    minEducation: program.minEducation,
    ruralOnly: program.ruralOnly,
    anonymous: program.anonymous,
    durationWeeks: program.durationWeeks,
    partners: program.partners,
    mentors: program.mentors,
  }));

  const clubs: Club[] = [];
  const programRuns: ProgramRun[] = [];
  const spaces: Facility[] = [];
  const equipment: Facility[] = [];
  const clubsOf = new Map<string, Club[]>();
  const runsOf = new Map<string, ProgramRun[]>();
  for (const place of centres) {
    for (const kind of random.shuffle(SPACE_KINDS).slice(0, random.int(1, 3))) {
      spaces.push({ id: ids.uuid(), centreId: place.id, kind: kind.kind, names: kind.names, amount: random.int(...kind.capacity) });
    }
    for (const kind of random.shuffle(EQUIPMENT_KINDS).slice(0, random.int(1, 3))) {
      equipment.push({ id: ids.uuid(), centreId: place.id, kind: kind.kind, names: kind.names, amount: random.int(...kind.quantity) });
    }
    const own: Club[] = [];
    const ownRuns: ProgramRun[] = [];
    clubsOf.set(place.id, own);
    runsOf.set(place.id, ownRuns);
    if (!place.reports) continue;

    // 4 to 10 clubs, one per type (the database allows one open club of a type per centre).
    for (const type of random.shuffle(clubTypes).slice(0, random.int(4, 10))) {
      const roll = random.next();
      let status: ClubStatus = roll < 0.75 ? 'ACTIVE' : roll < 0.83 ? 'PAUSED' : roll < 0.9 ? 'CLOSED' : 'PLANNED';
      const startedOn = status === 'PLANNED' ? null : randomDay(random, maxDay(place.openedOn, '2019-01-01'), addDays(lastDay, -10));
      let closedOn: string | null = null;
      if (status === 'CLOSED') {
        const earliest = addDays(startedOn!, 30);
        if (earliest < lastDay) closedOn = randomDay(random, earliest, lastDay);
        else status = 'ACTIVE';
      }
      const club: Club = {
        id: ids.uuid(),
        clubTypeId: type.id,
        centreId: place.id,
        leaderName: random.pick(LEADERS),
        schedule: random.pick(SCHEDULES),
        status,
        startedOn,
        closedOn,
      };
      clubs.push(club);
      own.push(club);
    }

    const runCount = random.int(1, 4);
    for (let i = 0; i < runCount; i++) {
      const program = random.pick(programs);
      const startsOn = randomDay(random, maxDay(place.openedOn, addDays(windowStart, -365)), addDays(lastDay, -7));
      let endsOn: string | null = program.durationWeeks ? lastDayOfWeeks(startsOn, program.durationWeeks) : random.chance(0.5) ? null : addDays(startsOn, random.int(60, 400));
      if (endsOn !== null && endsOn < startsOn) endsOn = startsOn;
      const closedOn = random.chance(0.04) ? minDay(addDays(startsOn, random.int(1, 20)), lastDay) : null;
      const run: ProgramRun = { id: ids.uuid(), programId: program.id, centreId: place.id, startsOn, endsOn, closedOn };
      programRuns.push(run);
      ownRuns.push(run);
    }
  }

  return { centres, clubTypes, programs, clubs, programRuns, spaces, equipment, clubsOf, runsOf };
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
