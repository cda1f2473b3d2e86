// The error catalogue: every stable code the API answers with, its HTTP status and its message in Russian
// (what the server sends) and English (what the web shows in English). A throw site may say more in Russian
// about its case; the code, status and the English text stay the ones declared here.

export interface ErrorEntry {
  status: number;
  ru: string;
  en: string;
}

export const ERRORS = {
  // 400: the request itself is wrong
  bad_request: { status: 400, ru: 'Неверный запрос', en: 'Bad request' },
  validation_failed: { status: 400, ru: 'Проверьте правильность заполнения полей', en: 'Please check the fields' },
  invalid_json: { status: 400, ru: 'Тело запроса не является корректным JSON', en: 'The request body is not valid JSON' },
  bad_url: { status: 400, ru: 'Адрес запроса содержит неверно закодированные символы', en: 'The request address contains wrongly encoded characters' },
  invalid_cursor: { status: 400, ru: 'Неверный курсор постраничного вывода: начните список заново', en: 'Invalid page cursor: start the list again' },
  invalid_multipart: { status: 400, ru: 'Ожидается запрос multipart/form-data', en: 'A multipart/form-data request is expected' },
  no_files: { status: 400, ru: 'Приложите хотя бы один файл', en: 'Attach at least one file' },
  file_empty: { status: 400, ru: 'Файл пустой', en: 'The file is empty' },
  invalid_email: { status: 400, ru: 'Неверный адрес электронной почты', en: 'Invalid e-mail address' },
  empty_subject: { status: 400, ru: 'У письма нет темы', en: 'The e-mail has no subject' },
  missing_value: { status: 400, ru: 'Не заполнено обязательное значение', en: 'A required value is missing' },
  invalid_value: { status: 400, ru: 'Значение не проходит проверку', en: 'A value does not pass the check' },
  value_too_long: { status: 400, ru: 'Слишком длинное значение', en: 'A value is too long' },
  value_out_of_range: { status: 400, ru: 'Число вне допустимого диапазона', en: 'A number is out of range' },
  invalid_date: { status: 400, ru: 'Недопустимая дата или время', en: 'Invalid date or time' },
  import_file_unreadable: { status: 400, ru: 'Не удалось прочитать файл: ожидается выгрузка CSV или XLSX', en: 'The file cannot be read: a CSV or XLSX export is expected' },
  import_column_missing: { status: 400, ru: 'В файле нет обязательного столбца', en: 'A required column is missing from the file' },
  invalid_characters: { status: 400, ru: 'Недопустимые символы в тексте', en: 'The text contains characters that are not allowed' },
  // 401: who is asking is unknown
  unauthorized: { status: 401, ru: 'Требуется вход в систему', en: 'Please sign in' },
  invalid_credentials: { status: 401, ru: 'Неверный логин или пароль', en: 'Wrong login or password' },
  invalid_token: { status: 401, ru: 'Токен доступа недействителен или отозван', en: 'The access token is invalid or revoked' },
  token_expired: { status: 401, ru: 'Срок действия токена истёк. Выпустите новый токен в профиле', en: 'The token has expired' },
  // 403: known, but not allowed
  forbidden: { status: 403, ru: 'Недостаточно прав для этого действия', en: 'You are not allowed to do this' },
  csrf_failed: { status: 403, ru: 'Запрос отклонён: отсутствует или неверен CSRF-токен. Обновите страницу', en: 'The request was refused: the CSRF token is missing or wrong. Reload the page' },
  account_disabled: { status: 403, ru: 'Учётная запись отключена. Обратитесь к администратору ЦУР', en: 'The account is disabled. Contact the regional centre administrator' },
  action_forbidden: { status: 403, ru: 'Действие недоступно для вашей роли', en: 'The action is not available to your role' },
  not_assigned_to_you: { status: 403, ru: 'Обращение назначено другому исполнителю', en: 'The appeal is assigned to another executor' },
  session_required: { status: 403, ru: 'Это действие доступно только после входа в систему, а не по API-токену', en: 'Only available when signed in, not with an API token' },
  token_scope: { status: 403, ru: 'Это действие недоступно по правам токена', en: 'The token\'s access does not allow this' },
  // 404: nothing the asker may see
  not_found: { status: 404, ru: 'Объект не найден', en: 'Not found' },
  route_not_found: { status: 404, ru: 'Такого адреса нет', en: 'No such API address' },
  unknown_action: { status: 404, ru: 'Нет такого действия', en: 'No such action' },
  appeal_not_found: { status: 404, ru: 'Обращение не найдено', en: 'Appeal not found' },
  risk_not_found: { status: 404, ru: 'Информационный риск не найден', en: 'Information risk not found' },
  report_not_found: { status: 404, ru: 'Отчёт не найден', en: 'Report not found' },
  request_not_found: { status: 404, ru: 'Запрос не найден', en: 'Request not found' },
  recommendation_not_found: { status: 404, ru: 'Рекомендация не найдена', en: 'Recommendation not found' },
  practice_not_found: { status: 404, ru: 'Практика не найдена', en: 'Practice not found' },
  training_not_found: { status: 404, ru: 'Обучающее мероприятие не найдено', en: 'Training not found' },
  topic_not_found: { status: 404, ru: 'Нет такой позиции классификатора', en: 'No such classifier entry' },
  department_not_found: { status: 404, ru: 'Подразделение не найдено', en: 'Department not found' },
  contact_not_found: { status: 404, ru: 'Контактное лицо не найдено', en: 'Contact official not found' },
  file_not_found: { status: 404, ru: 'Файл не найден', en: 'File not found' },
  attachment_not_found: { status: 404, ru: 'Файл не найден', en: 'File not found' },
  organization_not_found: { status: 404, ru: 'Организация не найдена', en: 'Organization not found' },
  user_not_found: { status: 404, ru: 'Пользователь не найден', en: 'User not found' },
  municipality_not_found: { status: 404, ru: 'Муниципальное образование не найдено', en: 'Municipality not found' },
  notification_not_found: { status: 404, ru: 'Уведомление не найдено', en: 'Notification not found' },
  import_not_found: { status: 404, ru: 'Загрузка не найдена', en: 'Import not found' },
  client_key_not_found: { status: 404, ru: 'Ключ Open311 не найден', en: 'Open311 key not found' },
  token_not_found: { status: 404, ru: 'Токен не найден', en: 'Token not found' },
  cluster_not_found: { status: 404, ru: 'Группа обращений об одной проблеме не найдена', en: 'Problem cluster not found' },
  roadmap_not_found: { status: 404, ru: 'Дорожная карта не найдена', en: 'Roadmap not found' },
  measure_not_found: { status: 404, ru: 'Мероприятие дорожной карты не найдено', en: 'Roadmap measure not found' },
  publication_not_found: { status: 404, ru: 'Публикация не найдена', en: 'Publication not found' },
  poll_not_found: { status: 404, ru: 'Опрос не найден', en: 'Poll not found' },
  subscription_link_invalid: { status: 404, ru: 'Ссылка недействительна или уже использована', en: 'The link is invalid or has already been used' },
  webhook_not_found: { status: 404, ru: 'Подписка на события не найдена', en: 'Webhook subscription not found' },
  webhook_delivery_not_found: { status: 404, ru: 'Доставка события не найдена', en: 'Webhook delivery not found' },
  mailbox_not_found: { status: 404, ru: 'Почтовый ящик администрации не настроен', en: 'The administration\'s mailbox is not set up' },
  monitoring_source_not_found: { status: 404, ru: 'Источник мониторинга не найден', en: 'Monitoring source not found' },
  monitoring_item_not_found: { status: 404, ru: 'Публикация из мониторинга не найдена', en: 'Monitored publication not found' },
  official_page_not_found: { status: 404, ru: 'Официальная страница не найдена', en: 'Official page not found' },
  // 409: the current state does not allow it
  not_allowed_in_status: { status: 409, ru: 'Действие недоступно в текущем статусе обращения', en: 'The action is not available in the current status' },
  action_not_allowed: { status: 409, ru: 'Это действие сейчас невозможно: проверьте статус отчёта и свою роль', en: 'This action is not possible now: check the report\'s status and your role' },
  channel_not_extendable: { status: 409, ru: 'Срок обращений этого канала не продлевается', en: 'Appeals of this channel cannot be extended' },
  already_extended: { status: 409, ru: 'Срок уже продлевался: продление допускается один раз', en: 'The deadline has already been extended once' },
  answer_formal: { status: 409, ru: 'Проект ответа похож на отписку: ознакомьтесь с замечаниями и подтвердите согласование', en: 'The draft answer looks like a formal non-answer: read the remarks and confirm the approval' },
  already_on_control: { status: 409, ru: 'Обращение уже на контроле', en: 'The appeal is already on control' },
  not_on_control: { status: 409, ru: 'Обращение не на контроле', en: 'The appeal is not on control' },
  already_approved: { status: 409, ru: 'Вы уже согласовали этот комментарий', en: 'You have already approved this comment' },
  outcome_needs_publication: { status: 409, ru: 'Опровергнуть или разъяснить можно только после публикации комментария', en: 'Refuted or clarified only after the comment is published' },
  no_comment_yet: { status: 409, ru: 'Проект официального комментария ещё не подготовлен', en: 'The draft official comment is not ready yet' },
  no_answer_yet: { status: 409, ru: 'Ответ на обращение ещё не подготовлен', en: 'The answer to the appeal is not ready yet' },
  already_rated: { status: 409, ru: 'Оценка этому ответу уже поставлена', en: 'This answer has already been rated' },
  not_answered_yet: { status: 409, ru: 'Оценить можно только данный ответ', en: 'Only a given answer can be rated' },
  step_not_allowed: { status: 409, ru: 'Это действие сейчас невозможно в текущем статусе', en: 'This action is not possible in the current status' },
  already_enrolled: { status: 409, ru: 'Сотрудник уже записан на это мероприятие', en: 'The employee is already enrolled' },
  already_answered: { status: 409, ru: 'Администрация уже ответила на этот запрос', en: 'The administration has already answered this request' },
  report_locked: { status: 409, ru: 'Подписанный отчёт не редактируется; ЦУР может вернуть его на доработку', en: 'A signed report cannot be edited; the regional centre may return it for revision' },
  slug_taken: { status: 409, ru: 'Такое короткое имя (slug) уже занято другой организацией', en: 'This short name (slug) is already taken' },
  oktmo_taken: { status: 409, ru: 'Организация с таким кодом ОКТМО уже есть', en: 'An organization with this OKTMO code already exists' },
  login_taken: { status: 409, ru: 'Пользователь с таким логином уже есть', en: 'A user with this login already exists' },
  department_exists: { status: 409, ru: 'Такое подразделение уже есть', en: 'This department already exists' },
  monitoring_source_has_decisions: { status: 409, ru: 'По публикациям этого источника уже есть решения: отключите источник вместо удаления, чтобы они сохранились', en: 'Publications of this source have decisions: switch the source off instead of deleting it' },
  monitoring_item_decided: { status: 409, ru: 'По этой публикации уже принято решение', en: 'This publication has already been decided on' },
  topic_exists: { status: 409, ru: 'Позиция классификатора с таким кодом уже есть', en: 'A classifier entry with this code already exists' },
  already_exists: { status: 409, ru: 'Такая запись уже существует', en: 'Such a record already exists' },
  reference_conflict: { status: 409, ru: 'Связанный объект не найден или на этот объект есть ссылки', en: 'A related object is missing, or this object is referenced' },
  // 413–415: too much, or the wrong kind
  payload_too_large: { status: 413, ru: 'Слишком большой объём данных в запросе', en: 'The request is too large' },
  file_too_large: { status: 413, ru: 'Файл больше 10 МБ', en: 'The file is larger than 10 MB' },
  too_many_files: { status: 413, ru: 'Можно приложить не более 5 файлов', en: 'Too many files' },
  too_many_parts: { status: 413, ru: 'Слишком много частей в запросе', en: 'Too many parts in the request' },
  too_many_fields: { status: 413, ru: 'Слишком много полей в запросе', en: 'Too many fields in the request' },
  value_too_large: { status: 413, ru: 'Слишком большое значение для обработки', en: 'A value is too large to process' },
  url_too_long: { status: 414, ru: 'Слишком длинный параметр в адресе запроса', en: 'A parameter of the request address is too long' },
  unsupported_media_type: { status: 415, ru: 'Неподдерживаемый тип содержимого запроса', en: 'Unsupported request content type' },
  file_type_not_allowed: { status: 415, ru: 'Допустимы только файлы PDF, DOCX, JPG и PNG', en: 'Only PDF, DOCX, JPG and PNG files are accepted' },
  // 422: understood, but the rules say no
  last_contact_official: { status: 422, ru: 'У администрации должно остаться хотя бы одно действующее контактное лицо: сначала добавьте замену', en: 'The administration must keep at least one active contact official: add a replacement first' },
  role_organization_mismatch: { status: 422, ru: 'Роль не подходит для организации', en: 'The role does not fit the organization' },
  rejected_as_spam: { status: 422, ru: 'Обращение отклонено автоматической защитой от спама. Обновите страницу и отправьте его ещё раз', en: 'The appeal was rejected by the spam protection' },
  cannot_deactivate_regional_center: { status: 422, ru: 'Центр управления региона нельзя деактивировать', en: 'The regional management centre cannot be deactivated' },
  cannot_change_self: { status: 422, ru: 'Нельзя деактивировать себя или изменить собственную роль', en: 'You cannot deactivate yourself or change your own role' },
  mailbox_key_missing: { status: 422, ru: 'Пароль почтового ящика нельзя сохранить: не задан ключ шифрования OTKLIK_MAILBOX_KEY. Задайте ключ или укажите переменную окружения с паролем', en: 'The mailbox password cannot be stored: OTKLIK_MAILBOX_KEY is not set' },
  // 429 and 5xx
  rate_limited: { status: 429, ru: 'Слишком много запросов', en: 'Too many attempts. Try again later' },
  internal_error: { status: 500, ru: 'Внутренняя ошибка сервера', en: 'Internal server error' },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** The codes whose status is S: `CodeWithStatus<404>` is every «not found». */
export type CodeWithStatus<S extends number> = { [K in ErrorCode]: (typeof ERRORS)[K]['status'] extends S ? K : never }[ErrorCode];

/** Errors the web itself raises when there is no answer to read; never sent by the server. */
export const CLIENT_ERRORS = {
  network_error: { ru: 'Сервер недоступен. Проверьте подключение и повторите попытку', en: 'The server cannot be reached. Check the connection and try again' },
  invalid_response: { ru: 'Сервер вернул неожиданный ответ', en: 'The server sent an unexpected answer' },
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERRORS;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, code);
}

/** Every code's message in one language: the web's error texts. */
export function errorMessages(locale: 'ru' | 'en'): Record<ErrorCode | ClientErrorCode, string> {
  const out = {} as Record<ErrorCode | ClientErrorCode, string>;
  for (const [code, entry] of Object.entries({ ...ERRORS, ...CLIENT_ERRORS })) out[code as ErrorCode] = entry[locale];
  return out;
}
