// Russian and English labels of the information-risk enumerations.
import type { Locale } from '../labels';
import type { ClockState, RiskAction, RiskKind, RiskLevel, RiskOutcome, RiskPlatform, RiskRefusal, RiskStatus } from './lifecycle';

type Labels<T extends string> = Record<Locale, Record<T, string>>;

export const RISK_STATUS_LABELS: Labels<RiskStatus> = {
  ru: { detected: 'Выявлен', acknowledged: 'Сигнал получен', review: 'На согласовании', revision: 'На доработке', approved: 'Согласован', published: 'Опубликован', closed: 'Закрыт' },
  en: { detected: 'Detected', acknowledged: 'Signal received', review: 'Under review', revision: 'Under revision', approved: 'Approved', published: 'Published', closed: 'Closed' },
};

export const RISK_ACTION_LABELS: Labels<RiskAction> = {
  ru: { acknowledge: 'Подтвердить получение сигнала', propose: 'Предложение ЦУР', submit_draft: 'Направить проект комментария', remark: 'Замечания', approve: 'Согласовать', publish: 'Опубликовать', close: 'Закрыть' },
  en: { acknowledge: 'Acknowledge the signal', propose: 'Regional centre proposal', submit_draft: 'Submit the draft comment', remark: 'Remarks', approve: 'Approve', publish: 'Publish', close: 'Close' },
};

export const RISK_PLATFORM_LABELS: Labels<RiskPlatform> = {
  ru: { vk: 'ВКонтакте', telegram: 'Telegram', ok: 'Одноклассники', max: 'MAX', dzen: 'Дзен', website: 'Сайт', news: 'СМИ', other: 'Другое' },
  en: { vk: 'VK', telegram: 'Telegram', ok: 'Odnoklassniki', max: 'MAX', dzen: 'Dzen', website: 'Website', news: 'News media', other: 'Other' },
};

export const RISK_KIND_LABELS: Labels<RiskKind> = {
  ru: { misinformation: 'Недостоверная информация', negative: 'Негатив', needs_clarification: 'Требует разъяснения', conflict: 'Конфликт' },
  en: { misinformation: 'Misinformation', negative: 'Negative', needs_clarification: 'Needs clarification', conflict: 'Conflict' },
};

export const RISK_LEVEL_LABELS: Labels<RiskLevel> = {
  ru: { low: 'Низкий', medium: 'Средний', high: 'Высокий', critical: 'Критический' },
  en: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
};

export const RISK_OUTCOME_LABELS: Labels<RiskOutcome> = {
  ru: { refuted: 'Опровергнуто', clarified: 'Разъяснено', confirmed: 'Подтвердилось (дано разъяснение)', no_reaction_needed: 'Реакция не требуется' },
  en: { refuted: 'Refuted', clarified: 'Clarified', confirmed: 'Confirmed', no_reaction_needed: 'No reaction needed' },
};

export const CLOCK_STATE_LABELS: Labels<ClockState> = {
  ru: { running: 'Идёт', due_soon: 'Меньше часа', overdue: 'Просрочено', met: 'В срок', late: 'С опозданием', not_started: 'Не начат' },
  en: { running: 'Running', due_soon: 'Under an hour', overdue: 'Overdue', met: 'On time', late: 'Late', not_started: 'Not started' },
};

export const RISK_REFUSAL_LABELS: Labels<RiskRefusal> = {
  ru: {
    unknown_action: 'Нет такого действия',
    not_allowed_in_status: 'Это действие невозможно на текущем шаге',
    role_forbidden: 'Это действие выполняет другая роль',
    already_approved: 'Вы уже согласовали этот комментарий',
    outcome_needs_publication: 'Опровергнуть или разъяснить можно только после публикации комментария',
  },
  en: {
    unknown_action: 'No such action',
    not_allowed_in_status: 'Not possible at this step',
    role_forbidden: 'Another role performs this action',
    already_approved: 'You have already approved this comment',
    outcome_needs_publication: 'Refuted or clarified only after the comment is published',
  },
};
