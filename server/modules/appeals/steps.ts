// What each step of an appeal's life cycle does besides changing the status: one function per step,
// returning the values to store, the note for the timeline and whom to notify.
import {
  checkExtension, NO_ANSWER_GROUND_INFO, NO_ANSWER_GROUND_LABELS, TRANSITION_REFUSAL_LABELS, type AppealAction, type Channel, type NoAnswerGround,
} from '../../../domain/appeals';
import type { Executor } from '../../db';
import type { organizations } from '../../db/schema';
import type { RequestContext } from '../../platform/actor';
import { AppError, validationFailed } from '../../platform/errors';
import { checkAnswer } from '../../text/answerCheck';
import { isUuid } from '../../platform/http';
import { enqueueMail } from '../../platform/mail';
import { sha256 } from '../../platform/passwords';
import { trackingCode } from './tracking';
import { activeHeads, activeStaffOf } from '../users/repository';
import { deadlinesOf, loadDeadlineRules } from './deadlines';
import { assignmentPolicy } from './policy';
import * as repo from './repository';
import { learnAssignment } from '../departments/service';

export interface Applied {
  values: Partial<repo.NewAppealRow>;
  note: string | null;
  notifyUsers: { userIds: string[]; kind: string; title: string; body?: string }[];
}

export interface Step {
  tx: Executor;
  ctx: RequestContext | null;
  /** The checked payload of the step. */
  p: Record<string, unknown>;
  current: repo.AppealRow;
  org: typeof organizations.$inferSelect;
  now: Date;
  /** The address of the web application, for the links in letters to the author. */
  publicBaseUrl: string;
}

const ruDate = (isoDate: string) => isoDate.split('-').reverse().join('.');
const greeting = (current: repo.AppealRow) => `${[current.authorName, current.authorPatronymic].filter(Boolean).join(' ') || 'Уважаемый заявитель'}!`;

const actorIdOf = (s: Step) => s.ctx?.actor.userId ?? null;
/** An executor works only on appeals assigned to them or to nobody. */
const mine = (s: Step) => { if (s.ctx) assignmentPolicy.authorize(s.ctx.actor, 'work', s.current); };
const title = (s: Step, text: string) => `${s.current.number}: ${text}`;
const unchanged = (values: Applied['values'], note: string | null = null): Applied => ({ values, note, notifyUsers: [] });

export const STEPS: Record<AppealAction, (s: Step) => Promise<Applied>> = {
  async register({ tx, current, org, now }) {
    const rules = await loadDeadlineRules(tx);
    const d = deadlinesOf({ channel: current.channel, receivedAt: current.receivedAt, registeredAt: now, extensionDays: current.extensionDays }, org.timeZone, rules);
    return unchanged({ registeredAt: now, deadlineRegister: d.register, deadlineForward: d.forward, deadlineAnswer: d.answer });
  },

  async assign(s) {
    const { tx, p, current } = s;
    const dept = await repo.findDepartmentOf(tx, current.organizationId, String(p.departmentId));
    if (!dept) throw validationFailed([{ field: 'departmentId', message: 'Такого подразделения нет в этой администрации' }]);
    // Where the municipality sends the topic's group is learnt from every assignment.
    await learnAssignment(tx, current.organizationId, current.topicCode, dept.id, s.now);
    let executorId: string | null = null;
    if (p.executorId) {
      const user = await repo.findActiveUserOf(tx, current.organizationId, String(p.executorId));
      if (!user) throw validationFailed([{ field: 'executorId', message: 'Такого сотрудника нет в этой администрации' }]);
      executorId = user.id;
    }
    return {
      values: { departmentId: dept.id, executorId }, note: dept.name,
      notifyUsers: executorId ? [{ userIds: [executorId], kind: 'appeal.assigned', title: title(s, 'вам назначено обращение'), body: current.text.slice(0, 200) }] : [],
    };
  },

  async take(s) {
    mine(s);
    return unchanged({ executorId: s.current.executorId ?? actorIdOf(s) });
  },

  async submit_answer(s) {
    mine(s);
    const { tx, p, current } = s;
    const heads = (await activeHeads(tx, current.organizationId)).map((u) => u.id);
    return {
      values: { answerText: String(p.answerText), answerResult: String(p.resultCode), answerSubmittedBy: actorIdOf(s), answerApprovedBy: null, executorId: current.executorId ?? actorIdOf(s) },
      note: null,
      notifyUsers: [{ userIds: heads, kind: 'appeal.on_approval', title: title(s, 'ответ ждёт согласования') }],
    };
  },

  async approve(s) {
    const { tx, p, current, org, now } = s;
    // The «отписка» check: the head sees each reason and approves a formal draft only by saying so.
    const check = current.answerText ? checkAnswer(current.text, current.answerText) : null;
    if (check?.formal && p.despiteWarning !== true) {
      throw new AppError(409, 'answer_formal', `Проект ответа похож на отписку: ${check.reasons.map((r) => r.message).join('; ')}. Подтвердите согласование`);
    }
    const values: Applied['values'] = { answerApprovedBy: actorIdOf(s), answeredAt: now, answerCheck: check, answerApprovedDespiteWarning: !!check?.formal };
    // The answer goes to the author by e-mail when an address is known; a letter by post is the clerk's.
    // Whatever the channel, it carries the link and the code to rate the answer (§4.6, §11.4): an appeal
    // that has no code yet (letters, ПОС, social, voice) gets one now; the e-reception's was in its receipt.
    if (current.authorEmail && current.answerText) {
      let codeLine = 'Код — тот, что указан в письме о приёме обращения.';
      if (!current.trackingCodeHash) {
        const code = trackingCode();
        values.trackingCodeHash = sha256(code);
        codeLine = `Код: ${code}`;
      }
      await enqueueMail(tx, {
        at: now, to: current.authorEmail, dedupeKey: `appeal:${current.id}:answer:${now.getTime()}`,
        subject: `Ответ на обращение № ${current.number}`,
        // An appeal that came by e-mail is answered in the citizen's own thread.
        inReplyTo: current.subChannel === 'email' && current.externalId ? current.externalId : null,
        text: [
          greeting(current), '', current.answerText, '', org.name, '',
          'Оцените, пожалуйста, ответ — это займёт минуту:', `${s.publicBaseUrl}/status/${encodeURIComponent(current.number)}`, codeLine,
        ].join('\n'),
      });
    }
    return {
      values,
      note: check?.formal ? `Согласовано, несмотря на предупреждение об отписке: ${check.reasons.map((r) => r.message).join('; ')}` : null,
      notifyUsers: current.executorId ? [{ userIds: [current.executorId], kind: 'appeal.approved', title: title(s, 'ответ согласован') }] : [],
    };
  },

  async return_for_rework(s) {
    const { p, current } = s;
    return {
      values: { answerApprovedBy: null, answerCheck: null, answerApprovedDespiteWarning: false }, note: String(p.remark),
      notifyUsers: current.executorId ? [{ userIds: [current.executorId], kind: 'appeal.returned', title: title(s, 'ответ возвращён на доработку'), body: String(p.remark) }] : [],
    };
  },

  async close({ now }) {
    return unchanged({ closedAt: now });
  },

  async forward(s) {
    mine(s);
    const { tx, p, current, org, now } = s;
    // 59-ФЗ ст.8 ч.3: the author is told where the appeal went and when.
    if (current.authorEmail) {
      await enqueueMail(tx, {
        at: now, to: current.authorEmail, dedupeKey: `appeal:${current.id}:forwarded:${now.getTime()}`,
        subject: `Обращение № ${current.number} направлено по компетенции`,
        text: [
          greeting(current), '',
          `Ваше обращение № ${current.number} ${ruDate(String(p.forwardedOn))} направлено для рассмотрения по компетенции: ${String(p.bodyName)} (ч. 3 ст. 8 Федерального закона № 59-ФЗ).`,
          `Статус: ${s.publicBaseUrl}/status/${encodeURIComponent(current.number)}`, '', org.name,
        ].join('\n'),
      });
    }
    return unchanged({ forwardedTo: String(p.bodyName), forwardedAt: new Date(`${p.forwardedOn}T12:00:00Z`), answerResult: 'forwarded' }, String(p.bodyName));
  },

  async leave_without_answer(s) {
    mine(s);
    const { tx, p, current, org, now } = s;
    const ground = p.ground as NoAnswerGround;
    // 59-ФЗ ст.11: the author is told of the ground, except under ч.1 where there is no address to write to.
    if (current.authorEmail && NO_ANSWER_GROUND_INFO[ground].part !== '1') {
      await enqueueMail(tx, {
        at: now, to: current.authorEmail, dedupeKey: `appeal:${current.id}:left_without_answer:${now.getTime()}`,
        subject: `Обращение № ${current.number} оставлено без ответа по существу`,
        text: [
          greeting(current), '',
          `Ваше обращение № ${current.number} оставлено без ответа по существу поставленных вопросов.`,
          `Основание: ${NO_ANSWER_GROUND_LABELS.ru[ground]}.`,
          `Статус: ${s.publicBaseUrl}/status/${encodeURIComponent(current.number)}`, '', org.name,
        ].join('\n'),
      });
    }
    return unchanged({ leftGround: String(p.ground), answerResult: 'left_without_answer' }, (p.note as string) ?? null);
  },

  async merge({ tx, p, current }) {
    const ref = String(p.duplicateOf);
    const original = isUuid(ref) ? await repo.findAppeal(tx, ref) : await repo.findByNumber(tx, ref.toUpperCase());
    if (!original || original.organizationId !== current.organizationId || original.id === current.id) {
      throw validationFailed([{ field: 'duplicateOf', message: 'Основное обращение не найдено в этой администрации' }]);
    }
    return unchanged({ duplicateOfId: original.id }, original.number);
  },

  async reopen(s) {
    const { tx, p, current } = s;
    const recipients = [...(await activeStaffOf(tx, current.organizationId, ['head', 'contact_official'])).map((u) => u.id), ...(current.executorId ? [current.executorId] : [])];
    const negative = p.reason === 'negative_rating';
    return {
      // The answer given stays on the card with the head who approved it until a new one is submitted.
      values: { flaggedForCur: true, closedAt: null, answeredAt: null },
      note: (p.remark as string) ?? (negative ? `Оценка заявителя: ${p.rating}` : null),
      notifyUsers: [{ userIds: recipients, kind: 'appeal.reopened', title: title(s, negative ? 'заявитель поставил низкую оценку — обращение возобновлено' : 'ЦУР вернул обращение'), body: (p.remark as string) ?? undefined }],
    };
  },

  async extend({ tx, p, current, org, now }) {
    const rules = await loadDeadlineRules(tx);
    const days = Number(p.days);
    const check = checkExtension({ channel: current.channel as Channel, days, alreadyExtended: current.extensionDays !== null, rules });
    if (!check.ok) {
      if (check.reason === 'channel_not_extendable' || check.reason === 'already_extended') throw new AppError(409, check.reason, TRANSITION_REFUSAL_LABELS.ru[check.reason]);
      throw validationFailed([{ field: 'days', message: check.maxDays ? `Продлить можно не более чем на ${check.maxDays} дн.` : 'Укажите число дней продления' }]);
    }
    const d = deadlinesOf({ channel: current.channel, receivedAt: current.receivedAt, registeredAt: current.registeredAt, extensionDays: days }, org.timeZone, rules);
    // 59-ФЗ ст.12 ч.2: the author is told of the extension.
    if (current.authorEmail) {
      await enqueueMail(tx, {
        at: now, to: current.authorEmail, dedupeKey: `appeal:${current.id}:extension`,
        subject: `Продление срока рассмотрения обращения № ${current.number}`,
        text: `Срок рассмотрения вашего обращения № ${current.number} продлён до ${d.answer.split('-').reverse().join('.')}.\nПричина: ${String(p.reason)}\n\n${org.name}`,
      });
    }
    return unchanged(
      { extensionDays: days, extensionReason: String(p.reason), deadlineAnswer: d.answer },
      `Срок ответа продлён до ${d.answer}. ${current.authorEmail ? 'Заявителю направлено уведомление по электронной почте.' : 'Уведомите заявителя письмом по почтовому адресу.'}`,
    );
  },

  async set_control() {
    return unchanged({ onControl: true });
  },

  async unset_control() {
    return unchanged({ onControl: false });
  },
};
