import type { Language } from '@mrc/domain';

/**
 * What can be wrong with an input field, in the three languages. A refusal names a problem by its
 * code (with the values it mentions); the response states it in the caller's language
 * (`extensions.fields`) and keeps the code for programs (`extensions.problems`). Templates take
 * their values as `{name}`.
 */
export const PROBLEM_MESSAGES = {
  // What the input classes check (class-validator constraint names, see validation.pipe.ts).
  invalid: { en: 'is not valid', ru: 'указано неверно', kk: 'қате көрсетілген' },
  isDefined: { en: 'cannot be cleared; leave it out to keep the current value', ru: 'нельзя очистить; не указывайте поле, чтобы оставить значение', kk: 'тазалауға болмайды; мәнді сақтау үшін өрісті көрсетпеңіз' },
  isUuid: { en: 'must be an id', ru: 'должно быть идентификатором', kk: 'идентификатор болуы керек' },
  isInt: { en: 'must be a whole number', ru: 'должно быть целым числом', kk: 'бүтін сан болуы керек' },
  min: { en: 'is too small', ru: 'слишком маленькое значение', kk: 'мәні тым кіші' },
  max: { en: 'is too large', ru: 'слишком большое значение', kk: 'мәні тым үлкен' },
  isDate: { en: 'must be a date', ru: 'должно быть датой', kk: 'күн болуы керек' },
  minDate: { en: 'must not be before 1900-01-01', ru: 'не может быть раньше 1900-01-01', kk: '1900-01-01 күнінен бұрын болмауы керек' },
  maxDate: { en: 'must not be after 2199-12-31', ru: 'не может быть позже 2199-12-31', kk: '2199-12-31 күнінен кейін болмауы керек' },
  isEmail: { en: 'must be an email address', ru: 'должно быть адресом электронной почты', kk: 'электрондық пошта мекенжайы болуы керек' },
  isPhone: { en: 'must be a telephone number', ru: 'должно быть номером телефона', kk: 'телефон нөмірі болуы керек' },
  isCode: {
    en: 'must be 2–63 lower-case letters, digits or dashes, starting with a letter or digit',
    ru: 'должно состоять из 2–63 строчных латинских букв, цифр или дефисов и начинаться с буквы или цифры',
    kk: '2–63 кіші латын әрпінен, цифрдан немесе сызықшадан тұрып, әріппен не цифрмен басталуы керек',
  },
  hasNoNul: { en: 'must not contain NUL characters', ru: 'не должно содержать символы NUL', kk: 'NUL таңбаларын қамтымауы керек' },
  maxLength: { en: 'is too long', ru: 'слишком длинное', kk: 'тым ұзын' },
  minLength: { en: 'must not be empty', ru: 'не должно быть пустым', kk: 'бос болмауы керек' },
  isIn: { en: 'is not one of the allowed values', ru: 'недопустимое значение', kk: 'рұқсат етілмеген мән' },
  hasTextInSomeLanguage: { en: 'needs a text in at least one language', ru: 'нужен текст хотя бы на одном языке', kk: 'кемінде бір тілде мәтін керек' },
  isLatitude: { en: 'must be a latitude from -90 to 90', ru: 'должно быть широтой от -90 до 90', kk: '-90-нан 90-ға дейінгі ендік болуы керек' },
  isLongitude: { en: 'must be a longitude from -180 to 180', ru: 'должно быть долготой от -180 до 180', kk: '-180-нен 180-ге дейінгі бойлық болуы керек' },
  arrayMaxSize: { en: 'has too many items', ru: 'слишком много элементов', kk: 'элементтер тым көп' },
  isBoolean: { en: 'must be true or false', ru: 'должно быть true или false', kk: 'true не false болуы керек' },
  isString: { en: 'must be a text', ru: 'должно быть текстом', kk: 'мәтін болуы керек' },
  isArray: { en: 'must be a list', ru: 'должно быть списком', kk: 'тізім болуы керек' },

  // What the services check against the data.
  noSuchRecord: { en: 'no record has this id', ru: 'записи с таким идентификатором нет', kk: 'мұндай идентификаторы бар жазба жоқ' },
  centreClosed: { en: 'the centre closed on {day}; reopen it first', ru: 'центр закрыт {day}; сначала откройте его снова', kk: 'орталық {day} жабылған; алдымен оны қайта ашыңыз' },
  clubTypeRetired: { en: 'this club type left the catalogue on {day}', ru: 'этот вид клуба исключён из каталога {day}', kk: 'бұл клуб түрі каталогтан {day} шығарылған' },
  programRetired: { en: 'the program was retired on {day}', ru: 'программа закрыта {day}', kk: 'бағдарлама {day} жабылған' },
  alreadyRuns: { en: 'already runs at this centre', ru: 'уже работает в этом центре', kk: 'бұл орталықта жұмыс істеп тұр' },
  codeTaken: { en: 'is already used by another record', ru: 'уже используется другой записью', kk: 'басқа жазбада қолданылып тұр' },
  notInFuture: { en: 'must not be in the future', ru: 'не может быть в будущем', kk: 'болашақта болмауы керек' },
  startedOnNeeded: { en: 'is needed once the club meets: the day of its first meeting', ru: 'нужна, когда клуб уже собирается: день первого занятия', kk: 'клуб жиналып жүрсе керек: алғашқы сабақ күні' },
  notBeforeCentreOpened: { en: 'must not be before the centre opened ({day})', ru: 'не может быть раньше открытия центра ({day})', kk: 'орталық ашылған күннен ({day}) бұрын болмауы керек' },
  notAfterCentreClosed: { en: 'must not be after the day the centre closed ({day})', ru: 'не может быть позже закрытия центра ({day})', kk: 'орталық жабылған күннен ({day}) кейін болмауы керек' },
  notAfterFirstActivity: {
    en: "must not be after the centre's first club or program run ({day})",
    ru: 'не может быть позже первого клуба или программы центра ({day})',
    kk: 'орталықтың алғашқы клубынан не бағдарламасынан ({day}) кейін болмауы керек',
  },
  notBeforeFirstMeeting: { en: 'must not be before the first meeting ({day})', ru: 'не может быть раньше первого занятия ({day})', kk: 'алғашқы сабақтан ({day}) бұрын болмауы керек' },
  notBeforeStart: { en: 'must not be before the first day', ru: 'не может быть раньше первого дня', kk: 'бірінші күннен бұрын болмауы керек' },
  parentIsItself: { en: 'must not be the centre itself or a centre below it', ru: 'не может быть самим центром или центром ниже него', kk: 'орталықтың өзі не одан төменгі орталық болмауы керек' },
  rootHasNoParent: { en: 'the regional centre is the root and has no parent', ru: 'областной центр — корень сети, у него нет вышестоящего', kk: 'облыстық орталық — желінің түбірі, оның жоғары тұрғаны жоқ' },
  rootStaysRegional: { en: 'only the regional centre is REGIONAL, and it stays so', ru: 'только областной центр имеет тип REGIONAL, и он не меняется', kk: 'тек облыстық орталық REGIONAL түрінде, және ол өзгермейді' },
  coordinatesPaired: { en: 'give latitude and longitude together', ru: 'укажите широту и долготу вместе', kk: 'ендік пен бойлықты бірге көрсетіңіз' },
  ageOutsideLimits: { en: 'must be a whole number from 0 to 120', ru: 'должно быть целым числом от 0 до 120', kk: '0-ден 120-ға дейінгі бүтін сан болуы керек' },
  maxAgeBelowMin: { en: 'must not be below the minimum age', ru: 'не может быть меньше минимального возраста', kk: 'ең төменгі жастан кем болмауы керек' },
  ageReasonNeeded: { en: 'is needed for ages outside 14–35', ru: 'нужна для возрастов вне 14–35', kk: '14–35 жастан тыс жастар үшін керек' },

  // A report's figures and period (the rules are packages/domain's report-figures.ts and reporting.ts).
  isPeriod: {
    en: 'must be a period, YYYY-MM, from 2000-01 to 2099-12',
    ru: 'должно быть периодом в виде ГГГГ-ММ, с 2000-01 по 2099-12',
    kk: '2000-01 мен 2099-12 аралығындағы ЖЖЖЖ-АА түріндегі кезең болуы керек',
  },
  notQuarterStart: { en: "must be a quarter's first month (01, 04, 07 or 10)", ru: 'должно быть первым месяцем квартала (01, 04, 07 или 10)', kk: 'тоқсанның бірінші айы болуы керек (01, 04, 07 не 10)' },
  isIdempotencyKey: {
    en: 'must be 8–100 letters, digits, dashes or underscores, e.g. a UUID',
    ru: 'должно состоять из 8–100 латинских букв, цифр, дефисов или подчёркиваний, например UUID',
    kk: '8–100 латын әрпінен, цифрдан, сызықшадан не астын сызудан тұруы керек, мысалы UUID',
  },
  idempotencyKeyReused: {
    en: 'was already used for a different submission; make a new key for new figures',
    ru: 'уже использован для другой отправки; для новых данных создайте новый ключ',
    kk: 'басқа жіберуге қолданылған; жаңа деректер үшін жаңа кілт жасаңыз',
  },
  periodInFuture: { en: 'has not begun yet', ru: 'ещё не начался', kk: 'әлі басталған жоқ' },
  periodNotOver: { en: 'is not over yet: submit it from {day}', ru: 'ещё не закончился: отправьте отчёт с {day}', kk: 'әлі аяқталған жоқ: есепті {day} бастап жіберіңіз' },
  beforeCentreOpened: { en: 'ended before the centre opened ({day})', ru: 'закончился до открытия центра ({day})', kk: 'орталық ашылғанға ({day}) дейін аяқталған' },
  afterCentreClosed: { en: 'began after the centre closed ({day})', ru: 'начался после закрытия центра ({day})', kk: 'орталық жабылғаннан ({day}) кейін басталған' },
  figureNeeded: { en: 'is needed to submit (0 if none)', ru: 'нужно для отправки (0, если не было)', kk: 'жіберу үшін керек (болмаса 0)' },
  wholeNonNegative: { en: 'must be a whole number, 0 or more', ru: 'должно быть целым числом, не меньше 0', kk: '0-ден кем емес бүтін сан болуы керек' },
  figureTooLarge: { en: 'must be at most {max}', ru: 'должно быть не больше {max}', kk: '{max} артық болмауы керек' },
  partsDoNotAddUp: {
    en: 'must equal the sum by age band and sex ({sum}), not {total}',
    ru: 'должно равняться сумме по возрастам и полу ({sum}), а не {total}',
    kk: 'жас топтары мен жыныс бойынша қосындыға ({sum}) тең болуы керек, {total} емес',
  },
  attendanceWithoutMeetings: { en: 'must be 0 when no meeting was held', ru: 'должно быть 0, если занятий не было', kk: 'сабақ болмаса 0 болуы керек' },
  blockedMoreThanFound: { en: 'must not be more than the shops found ({found})', ru: 'не может быть больше найденных магазинов ({found})', kk: 'табылған дүкендерден ({found}) көп болмауы керек' },
  clubNotOfCentre: { en: "is not one of this centre's clubs", ru: 'не является клубом этого центра', kk: 'бұл орталықтың клубы емес' },
  programRunNotOfCentre: { en: "is not one of this centre's program runs", ru: 'не является программой этого центра', kk: 'бұл орталықтың бағдарламасы емес' },
  clubMissing: { en: 'met during the period: give its meetings and attendance', ru: 'работал в этот период: укажите занятия и посещаемость', kk: 'осы кезеңде жұмыс істеді: сабақтары мен қатысуын көрсетіңіз' },
  programRunMissing: { en: 'ran during the period: give its sessions and attendance', ru: 'шла в этот период: укажите занятия и посещаемость', kk: 'осы кезеңде өтті: сабақтары мен қатысуын көрсетіңіз' },
  reportExists: { en: 'already has a report of this centre; open it instead', ru: 'уже есть отчёт этого центра; откройте его', kk: 'бұл орталықтың есебі бар; соны ашыңыз' },
  tooManyPeriods: { en: 'covers too many periods: at most {max} at a time', ru: 'слишком много периодов: не больше {max} за раз', kk: 'кезеңдер тым көп: бір ретте {max} артық емес' },
  fromAfterTo: { en: 'must not be after the last period', ru: 'не может быть позже последнего периода', kk: 'соңғы кезеңнен кейін болмауы керек' },
  listedTwice: { en: 'is listed twice', ru: 'указано дважды', kk: 'екі рет көрсетілген' },
  tooLong: { en: 'must be at most {max} characters', ru: 'должно быть не длиннее {max} символов', kk: '{max} таңбадан аспауы керек' },

  // The rollout of clubs to the districts (packages/domain/src/rollout.ts).
  notADistrict: { en: 'must be a district centre, not the regional centre', ru: 'должен быть районным центром, а не областным', kk: 'облыстық емес, аудандық орталық болуы керек' },
  alreadyPlanned: { en: 'is already on the plan for this district', ru: 'уже запланирован в этом районе', kk: 'бұл ауданда жоспарда бар' },
  launchedKeepsGates: { en: 'a launched club keeps all four gates; pause it instead', ru: 'у запущенного клуба остаются все четыре условия; лучше приостановите его', kk: 'іске қосылған клубта төрт шарт та сақталады; оның орнына тоқтатыңыз' },
  gatesOpen: { en: 'a club cannot run while these gates are open: {gates}', ru: 'клуб не может работать, пока не выполнены условия: {gates}', kk: 'мына шарттар орындалмайынша клуб жұмыс істей алмайды: {gates}' },
  onlyWithLaunch: { en: 'goes with the LAUNCH step only', ru: 'указывается только при запуске (LAUNCH)', kk: 'тек іске қосу (LAUNCH) кезінде көрсетіледі' },
  reasonNeeded: { en: 'say why', ru: 'укажите причину', kk: 'себебін көрсетіңіз' },

  // The analysts' aggregates (packages/domain/src/analytics.ts).
  dimensionNotForMetric: { en: '{metric} cannot be broken down by {dimension}: leave one of them out', ru: '{metric} нельзя разбить по {dimension}: уберите одно из двух', kk: '{metric} көрсеткішін {dimension} бойынша бөлуге болмайды: біреуін алып тастаңыз' },
  filterNotForMetric: { en: '{metric} has no {dimension} to filter by: ask for it separately', ru: 'у {metric} нет {dimension} для отбора: запросите его отдельно', kk: '{metric} көрсеткішінде сүзуге {dimension} жоқ: оны бөлек сұраңыз' },
  tooManyRows: {
    en: 'gives {rows} rows, more than {max}: group by fewer or coarser dimensions (QUARTER instead of MONTH) or narrow the filter',
    ru: 'даёт {rows} строк, больше {max}: группируйте по меньшему числу измерений или крупнее (QUARTER вместо MONTH) либо сузьте отбор',
    kk: '{rows} жол береді, {max} шегінен көп: азырақ не ірірек өлшем бойынша топтаңыз (MONTH орнына QUARTER) немесе сүзгіні тарылтыңыз',
  },
  queryTooSlow: {
    en: 'the question took longer than {seconds} s and was stopped: narrow the months or centres, or group by fewer dimensions',
    ru: 'запрос выполнялся дольше {seconds} с и был остановлен: сузьте месяцы или центры либо уменьшите число измерений',
    kk: 'сұрау {seconds} секундтан ұзақ орындалып, тоқтатылды: айларды не орталықтарды тарылтыңыз немесе өлшемдерді азайтыңыз',
  },

  // The summary of a refusal with field problems.
  checkFields: { en: 'Check these fields: {fields}.', ru: 'Проверьте поля: {fields}.', kk: 'Мына өрістерді тексеріңіз: {fields}.' },
} as const satisfies Record<string, Record<Language, string>>;

export type ProblemCode = keyof typeof PROBLEM_MESSAGES;

/** One field's problem: its code and the values its message mentions. */
export interface FieldProblem {
  code: ProblemCode;
  params?: Record<string, string | number>;
  /** A more precise English wording than the template's (an input rule's own message, e.g. "must be at most 100"). */
  english?: string;
}

export function problem(code: ProblemCode, params?: Record<string, string | number>): FieldProblem {
  return params ? { code, params } : { code };
}

export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEM_MESSAGES, code);
}

/** The problem said in a language, its values filled in. */
export function problemMessage({ code, params = {}, english }: FieldProblem, language: Language): string {
  if (language === 'en' && english) return english;
  return PROBLEM_MESSAGES[code][language].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}
