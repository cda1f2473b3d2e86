// The installation settings' requests and answers: the deadline rules of appeals per channel.
import { Type, type Static } from 'typebox';
import { CHANNELS } from '../../../domain/appeals';

const Term = Type.Object({ days: Type.Integer({ minimum: 0, maximum: 366 }), unit: Type.Enum(['calendar', 'working'] as const) }, { additionalProperties: false });
const ChannelRule = Type.Object({
  register: Term,
  forward: Type.Union([Term, Type.Null()]),
  answer: Term,
  extension: Type.Union([Term, Type.Null()]),
}, { additionalProperties: false });

export const DeadlineRulesBody = Type.Object({
  channels: Type.Object(Object.fromEntries(CHANNELS.map((c) => [c, ChannelRule])) as Record<(typeof CHANNELS)[number], typeof ChannelRule>, { additionalProperties: false }),
  nonWorkingDayShift: Type.Enum(['preceding', 'following'] as const),
  answerCapCalendarDays: Type.Union([Type.Integer({ minimum: 1, maximum: 366 }), Type.Null()]),
}, { additionalProperties: false, title: 'Правила сроков' });

export const DeadlineRulesResponse = Type.Object({ rules: DeadlineRulesBody, defaults: DeadlineRulesBody, customized: Type.Boolean() });
export type DeadlineRulesResponse = Static<typeof DeadlineRulesResponse>;

export const TextDetection = Type.Object({
  repeatWindowDays: Type.Integer({ minimum: 1, maximum: 1830, description: 'Обращение того же автора по тому же вопросу в пределах стольких дней — повторное' }),
  resendMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'Почти тот же текст того же автора в пределах стольких минут — повторная отправка' }),
  clusterWindowDays: Type.Integer({ minimum: 1, maximum: 365, description: 'Обращения об одной проблеме в одном месте в пределах стольких дней — одна группа' }),
}, { additionalProperties: false, title: 'Окна поиска повторных обращений и групп' });
export type TextDetection = Static<typeof TextDetection>;
export const TextDetectionResponse = Type.Object({ settings: TextDetection, defaults: TextDetection });
