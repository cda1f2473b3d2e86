// Russian and English labels of the appeal's enumerations.
import type { Locale } from '../labels';
import type { ExtensionRefusal, DeadlineStatus, DayUnit } from './deadlines';
import type { AppealAction, AppealStatus, NoAnswerGround, PayloadProblemCode, ReopenReason, TransitionRefusal } from './lifecycle';
import type { AppealKind, Channel, ResultCode, SubChannel } from './model';

type Labels<T extends string> = Record<Locale, Record<T, string>>;

export const STATUS_LABELS: Labels<AppealStatus> = {
  ru: {
    received: 'Поступило',
    registered: 'Зарегистрировано',
    assigned: 'Назначен исполнитель',
    in_progress: 'В работе',
    on_approval: 'Ответ на согласовании',
    answered: 'Дан ответ',
    closed: 'Закрыто',
    forwarded: 'Направлено по компетенции',
    left_without_answer: 'Оставлено без ответа',
    merged: 'Объединено как дубликат',
    reopened: 'Возобновлено',
  },
  en: {
    received: 'Received',
    registered: 'Registered',
    assigned: 'Assigned',
    in_progress: 'In progress',
    on_approval: 'Answer awaiting approval',
    answered: 'Answered',
    closed: 'Closed',
    forwarded: 'Forwarded to the competent body',
    left_without_answer: 'Left without an answer',
    merged: 'Merged as a duplicate',
    reopened: 'Reopened',
  },
};

export const ACTION_LABELS: Labels<AppealAction> = {
  ru: {
    register: 'Зарегистрировать',
    assign: 'Назначить исполнителя',
    take: 'Взять в работу',
    submit_answer: 'Направить ответ на согласование',
    approve: 'Утвердить ответ',
    return_for_rework: 'Вернуть на доработку',
    close: 'Закрыть',
    forward: 'Направить по компетенции',
    leave_without_answer: 'Оставить без ответа',
    merge: 'Объединить с дубликатом',
    reopen: 'Возобновить',
    extend: 'Продлить срок',
    set_control: 'Поставить на контроль',
    unset_control: 'Снять с контроля',
  },
  en: {
    register: 'Register',
    assign: 'Assign',
    take: 'Take into work',
    submit_answer: 'Submit answer for approval',
    approve: 'Approve answer',
    return_for_rework: 'Return for rework',
    close: 'Close',
    forward: 'Forward to the competent body',
    leave_without_answer: 'Leave without an answer',
    merge: 'Merge as a duplicate',
    reopen: 'Reopen',
    extend: 'Extend the deadline',
    set_control: 'Put on control',
    unset_control: 'Remove from control',
  },
};

export const RESULT_CODE_LABELS: Labels<ResultCode> = {
  ru: {
    supported: 'Поддержано',
    explained: 'Разъяснено',
    not_supported: 'Не поддержано',
    forwarded: 'Направлено по компетенции',
    left_without_answer: 'Оставлено без ответа автору',
  },
  en: {
    supported: 'Supported',
    explained: 'Explained',
    not_supported: 'Not supported',
    forwarded: 'Forwarded to the competent body',
    left_without_answer: 'Left without an answer to the author',
  },
};

export const CHANNEL_LABELS: Labels<Channel> = {
  ru: {
    fz59: 'Обращения по 59-ФЗ',
    pos: 'Платформа обратной связи',
    social: 'Социальные сети и мессенджеры',
    voice: 'Голосовые системы',
    survey: 'Опросы',
    other: 'Прочие каналы',
  },
  en: {
    fz59: 'Appeals under Federal Law 59-FZ',
    pos: 'Feedback platform (Gosuslugi)',
    social: 'Social networks and messengers',
    voice: 'Voice systems',
    survey: 'Surveys',
    other: 'Other channels',
  },
};

export const SUB_CHANNEL_LABELS: Labels<SubChannel> = {
  ru: {
    letter: 'Письмо',
    email: 'Электронная почта',
    e_reception: 'Интернет-приёмная',
    personal_reception: 'Личный приём',
    phone: 'Телефон',
    pos: 'ПОС (Госуслуги)',
    incident_management: 'Инцидент-менеджмент',
    vk: 'ВКонтакте',
    telegram: 'Telegram',
    ok: 'Одноклассники',
    voice_system: 'Региональная голосовая система',
    survey: 'Опрос',
    open311: 'Open311',
    other: 'Другое',
  },
  en: {
    letter: 'Letter',
    email: 'E-mail',
    e_reception: 'Online reception',
    personal_reception: 'Personal reception',
    phone: 'Phone',
    pos: 'Feedback platform (Gosuslugi)',
    incident_management: 'Incident management',
    vk: 'VK',
    telegram: 'Telegram',
    ok: 'Odnoklassniki',
    voice_system: 'Regional voice system',
    survey: 'Survey',
    open311: 'Open311',
    other: 'Other',
  },
};

export const KIND_LABELS: Labels<AppealKind> = {
  ru: { statement: 'Заявление', proposal: 'Предложение', complaint: 'Жалоба' },
  en: { statement: 'Statement', proposal: 'Proposal', complaint: 'Complaint' },
};

export const NO_ANSWER_GROUND_LABELS: Labels<NoAnswerGround> = {
  ru: {
    no_name_or_address: 'Не указаны фамилия или почтовый адрес для ответа (ч. 1 ст. 11 59-ФЗ)',
    obscene_or_threatening: 'Нецензурные или оскорбительные выражения, угрозы (ч. 3 ст. 11 59-ФЗ)',
    unreadable: 'Текст обращения не поддаётся прочтению (ч. 4 ст. 11 59-ФЗ)',
    essence_undeterminable: 'Текст не позволяет определить суть обращения (ч. 4.1 ст. 11 59-ФЗ)',
    repeated_without_new_arguments: 'Повторное обращение без новых доводов, переписка прекращена (ч. 5 ст. 11 59-ФЗ)',
  },
  en: {
    no_name_or_address: 'No surname or postal address for the answer (59-FZ art. 11 part 1)',
    obscene_or_threatening: 'Obscene or offensive language, threats (59-FZ art. 11 part 3)',
    unreadable: 'The text cannot be read (59-FZ art. 11 part 4)',
    essence_undeterminable: 'The text does not show what is asked (59-FZ art. 11 part 4.1)',
    repeated_without_new_arguments: 'Repeated without new arguments, correspondence stopped (59-FZ art. 11 part 5)',
  },
};

export const REOPEN_REASON_LABELS: Labels<ReopenReason> = {
  ru: { negative_rating: 'Отрицательная оценка ответа', returned_by_cur: 'Возвращено ЦУР' },
  en: { negative_rating: 'Negative rating of the answer', returned_by_cur: 'Returned by the regional centre' },
};

export const TRANSITION_REFUSAL_LABELS: Labels<TransitionRefusal> = {
  ru: {
    unknown_action: 'Неизвестное действие',
    not_allowed_in_status: 'Действие недоступно в текущем статусе обращения',
    role_forbidden: 'Действие недоступно для вашей роли',
    channel_not_extendable: 'Срок обращений этого канала не продлевается',
    already_extended: 'Срок уже продлевался: продление допускается один раз',
    already_on_control: 'Обращение уже на контроле',
    not_on_control: 'Обращение не на контроле',
  },
  en: {
    unknown_action: 'Unknown action',
    not_allowed_in_status: 'The action is not available in the current status',
    role_forbidden: 'The action is not available to your role',
    channel_not_extendable: 'Appeals of this channel cannot be extended',
    already_extended: 'The deadline has already been extended once',
    already_on_control: 'The appeal is already on control',
    not_on_control: 'The appeal is not on control',
  },
};

export const PAYLOAD_PROBLEM_LABELS: Labels<PayloadProblemCode> = {
  ru: {
    required: 'Обязательное поле',
    invalid: 'Недопустимое значение',
    out_of_range: 'Значение вне допустимого диапазона',
    not_allowed_for_actor: 'Значение недоступно для вашей роли',
    head_decision_required: 'Решение по этому основанию принимает руководитель',
  },
  en: {
    required: 'Required',
    invalid: 'Invalid value',
    out_of_range: 'Value out of range',
    not_allowed_for_actor: 'Value not available to your role',
    head_decision_required: 'Only the head may decide on this ground',
  },
};

export const EXTENSION_REFUSAL_LABELS: Labels<ExtensionRefusal> = {
  ru: {
    channel_not_extendable: 'Срок обращений этого канала не продлевается',
    already_extended: 'Срок уже продлевался: продление допускается один раз',
    invalid_days: 'Укажите число дней продления',
    too_many_days: 'Продление превышает допустимое число дней',
  },
  en: {
    channel_not_extendable: 'Appeals of this channel cannot be extended',
    already_extended: 'The deadline has already been extended once',
    invalid_days: 'Enter the number of days',
    too_many_days: 'The extension exceeds the allowed number of days',
  },
};

export const DEADLINE_STATUS_LABELS: Labels<DeadlineStatus> = {
  ru: { on_time: 'В срок', due_soon: 'Срок истекает', overdue: 'Просрочено' },
  en: { on_time: 'On time', due_soon: 'Due soon', overdue: 'Overdue' },
};

export const DAY_UNIT_LABELS: Labels<DayUnit> = {
  ru: { calendar: 'календарных дней', working: 'рабочих дней' },
  en: { calendar: 'calendar days', working: 'working days' },
};
