// The sentence frames of appeal texts, by channel style (template syntax: see types.ts).
import type { Kind } from './types';

export const SINCE = [
  'уже неделю', 'уже вторую неделю', 'уже третий день', 'больше месяца', 'несколько дней подряд', 'с {sinceDate}',
  'с начала месяца', 'уже давно', 'несколько месяцев', 'со вчерашнего дня', 'всю последнюю неделю', 'уже почти месяц',
];

export const KINDERGARTENS = ['Солнышко', 'Родничок', 'Теремок', 'Ромашка', 'Берёзка', 'Колокольчик', 'Сказка', 'Радуга', 'Светлячок', 'Улыбка'];
export const HOUSES_OF_CULTURE = ['Металлург', 'Юность', 'Горняк', 'Современник', 'Строитель', 'Октябрь', 'Химик', 'Маяк'];
export const SPORT_CENTRES = ['Олимп', 'Старт', 'Юность', 'Труд', 'Факел', 'Снежинка', 'Уралец', 'Темп'];
export const STOPS = ['Школа', 'Магазин', 'Поликлиника', 'Рынок', 'Площадь', 'Больница', 'Стадион', 'Почта', 'Дом культуры', 'Вокзал', 'Микрорайон', 'Комбинат', 'Парк', 'Администрация'];

/** One sentence, or several in order. */
export type Frame = { template: string | string[]; state?: boolean; noInstitution?: boolean };

export const LOCATIVE_FRAMES: Frame[] = [
  { template: '{Place} {problem}.' },
  { template: '{Place} {problem} {since}.', state: true },
  { template: '{Since} {place} {problem}.', state: true },
  { template: 'Обращаюсь по поводу того, что {place} {problem}.' },
  { template: 'Сообщаю, что {place} {problem}.' },
  { template: '<Хочу сообщить|Довожу до вашего сведения|Ставлю вас в известность>, что {place} {problem}.' },
  { template: 'Прошу обратить внимание: {place} {problem}.' },
  { template: 'По адресу {addr} {problem}.', noInstitution: true },
  { template: ['Я проживаю по адресу {addrFull}.', '{Problem} {since}.'], state: true, noInstitution: true },
  { template: 'Пишу вам, потому что {place} {problem}.' },
  { template: '<Давняя|Серьёзная|Наболевшая> проблема: {place} {problem}.' },
  { template: '{Place} {problem}, и никто не принимает мер.' },
];

export const COLLECTIVE_FRAMES: Frame[] = [
  { template: 'Мы, жители дома № {house} по {street}, сообщаем, что {problem}.', noInstitution: true },
  { template: 'Жители <нашего дома|нашей улицы|нашего двора|окрестных домов> обращаются к вам, потому что {place} {problem}.' },
  { template: '{Place} {problem} {since}, и жители больше не могут с этим мириться.', state: true },
  { template: 'Мы, жители <микрорайона|улицы|соседних домов>, обращаемся к вам: {place} {problem}.' },
];

export const RESIDENT_FRAMES = [
  '{Problem}.', 'Пишу по следующему вопросу: {problem}.', 'Обращаюсь к вам, так как {problem}.', 'Сообщаю, что {problem}.',
  'Ситуация следующая: {problem}.', '[Вынужден|Вынуждена] обратиться к вам: {problem}.',
];

export const ADDRESS_SENTENCES = ['Мой адрес: {addrFull}.', 'Проживаю по адресу: {addrFull}.', 'Адрес: {addrFull}.', 'Живу по адресу {addrFull}.'];

export const REQUESTS: Record<Kind, { single: string[]; plural: string[] }> = {
  statement: {
    single: [
      'Прошу {ask}.', 'Прошу <в кратчайшие сроки|как можно скорее|в ближайшее время> {ask}.', 'Прошу принять меры и {ask}.',
      'Убедительно прошу {ask}.', 'Очень прошу {ask}.', 'Прошу вас {ask}.', 'Прошу разобраться в ситуации и {ask}.', 'Необходимо {ask}.',
    ],
    plural: ['Просим {ask}.', 'Просим <в кратчайшие сроки|как можно скорее|в ближайшее время> {ask}.', 'Убедительно просим {ask}.', 'Просим принять меры и {ask}.'],
  },
  complaint: {
    single: [
      'Требую {ask}.', 'Прошу проверить работу {who_gen} и {ask}.', 'Считаю бездействие {who_gen} недопустимым и прошу {ask}.',
      'Прошу привлечь виновных к ответственности и {ask}.', 'Надоело писать одно и то же — прошу наконец {ask}.',
      'Прошу дать оценку действиям {who_gen} и {ask}.',
    ],
    plural: ['Требуем {ask}.', 'Просим проверить работу {who_gen} и {ask}.', 'Просим привлечь виновных к ответственности и {ask}.'],
  },
  proposal: {
    single: [
      'Предлагаю {ask}.', 'Прошу рассмотреть предложение: {ask}.', 'Вношу предложение {ask}.', 'Считаю целесообразным {ask}.',
      'Предлагаю в этом году {ask}.', 'Было бы правильно {ask}.',
    ],
    plural: ['Предлагаем {ask}.', 'Жители предлагают {ask}.', 'Просим рассмотреть наше предложение: {ask}.'],
  },
};

export const REPEATS = [
  'Повторно обращаюсь по этому вопросу.', 'Обращаюсь повторно: ранее [писал|писала] вам {previousDate}, но проблема не решена.',
  'Это уже не первое моё обращение, предыдущее было {previousDate}.',
  'Ранее я уже [обращался|обращалась] по этому вопросу ({previousDate}), но ничего не изменилось.',
];

export const GREETINGS = ['Здравствуйте!', 'Добрый день!', 'Здравствуйте.', 'Добрый день.', 'Уважаемая администрация!', 'Доброго времени суток!', 'Уважаемый глава!'];
export const LETTER_GREETINGS = ['Уважаемый глава городского округа!', 'Уважаемые сотрудники администрации!', 'Уважаемый глава!', 'Здравствуйте!'];
export const CLOSINGS = [
  'Заранее спасибо.', 'Спасибо.', 'Надеюсь на понимание.', 'Надеюсь на скорое решение.', 'Прошу дать ответ в установленный законом срок.',
  'Фотографии прилагаю.', 'Прошу взять вопрос на контроль.',
];

export const SOCIAL_CORE: Frame[] = [
  { template: '{Spot} {problem}!' },
  { template: '{Spot} {problem}, сколько можно?' },
  { template: ['Когда наконец что-то сделают?', '{Spot} {problem}.'] },
  { template: 'Администрация, обратите внимание: {spot} {problem}.' },
  { template: '{Problem} — {spot}.' },
  { template: 'Опять {spot} {problem}.' },
  { template: '{Spot} {problem} {since}.', state: true },
  { template: ['Подскажите, куда жаловаться?', '{Spot} {problem}.'] },
];
export const SOCIAL_EXTRAS = [
  'Сколько можно?', 'Жители уже устали жаловаться.', 'Фото в комментариях.', 'Никому нет дела.', 'Надеюсь, хоть здесь услышат.',
  'Это просто безобразие.', 'Уже писали, толку ноль.', 'Разберитесь, пожалуйста.',
];
export const SOCIAL_REQUESTS = ['Просьба {ask}.', 'Надо срочно {ask}!', 'Прошу {ask}.', 'Давно пора {ask}.', 'Помогите, пожалуйста, {ask}.'];
