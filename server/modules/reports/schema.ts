// The quarterly reports' requests and answers, declared once for validation, serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';
import { REPORT_ACTIONS, REPORT_CELL_STATUSES, REPORT_STATUSES } from '../../../domain/reports/status';
import { REPORT_ACTION_RULES, type ReportActionPayload } from '../../../domain/reports/lifecycle';
import { anyStepPayload, DateTime, stepPayloads, Uuid } from '../../platform/http';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const LocalDate = Type.String({ format: 'date' });

export const Year = Type.Integer({ minimum: 2020, maximum: 2100 });
export const QuarterNo = Type.Integer({ minimum: 1, maximum: 4 });
export const ReportStatus = Type.Enum(REPORT_STATUSES);
export const ReportCellStatus = Type.Enum(REPORT_CELL_STATUSES);

export const Analytics = Type.Object({
  mainProblems: Type.Optional(Type.String({ maxLength: 20000 })),
  measures: Type.Optional(Type.String({ maxLength: 20000 })),
  proposals: Type.Optional(Type.String({ maxLength: 20000 })),
}, { additionalProperties: false, minProperties: 1 });

export const MatrixQuery = Type.Object({ year: Year, quarter: Type.Optional(QuarterNo), municipality: Type.Optional(Type.String({ maxLength: 60 })) });
export const OpenReport = Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 60 })), year: Year, quarter: QuarterNo }, { additionalProperties: false });
export const UpdateReport = Type.Object({ analytics: Analytics }, { additionalProperties: false });

export const ReportActionParams = Type.Object({ id: Uuid, action: Type.String({ maxLength: 20, description: REPORT_ACTIONS.join(' | ') }) });
const STEP_TITLES = { sign: 'подписать (руководитель)', submit: 'направить в ЦУР', accept: 'принять (ЦУР)', return: 'вернуть на доработку (ЦУР, с замечаниями)' } as const;

/** Each step's payload, derived from the domain's payload specs: sign and submit take none, return requires remarks. */
export const REPORT_ACTION_PAYLOADS = stepPayloads(REPORT_ACTIONS, (a) => REPORT_ACTION_RULES[a].payload, (a) => `Данные шага «${STEP_TITLES[a]}»`);

/** The body of `POST /api/reports/{id}/actions/{action}` in OpenAPI: the payload of the step named in the path. */
export const ReportActionBody = Type.Optional(Type.Union(REPORT_ACTIONS.map((a) => REPORT_ACTION_PAYLOADS[a]), { description: 'Данные шага, названного в пути' }));

/** What the body is checked against before the step: the fields of any step; the step requires its own (return its remarks). */
export const ReportAnyStepBody = anyStepPayload(REPORT_ACTIONS, (a) => REPORT_ACTION_RULES[a].payload);
export type ReportActionBody = ReportActionPayload;

export const ReportExportParams = Type.Object({ id: Uuid, format: Type.Enum(['xlsx', 'pdf'] as const) });

export const ReportCell = Type.Object({ quarter: Type.Integer(), status: ReportCellStatus, reportId: Nullable(Uuid), submittedAt: Nullable(DateTime) });
export type ReportCell = Static<typeof ReportCell>;

export const ReportMatrix = Type.Object({
  year: Type.Integer(),
  quarters: Type.Array(Type.Object({ quarter: Type.Integer(), dueDate: LocalDate, started: Type.Boolean() })),
  rows: Type.Array(Type.Object({ municipality: Type.String(), municipalityName: Type.String(), cells: Type.Array(ReportCell) })),
}, { title: 'Матрица отчётов' });
export type ReportMatrix = Static<typeof ReportMatrix>;

/** One number of the report and the registry filter that lists exactly the appeals it counts. */
export const ReportFigure = Type.Object({ key: Type.String(), label: Type.String(), value: Type.Number(), filter: Type.String() });
export type ReportFigure = Static<typeof ReportFigure>;
const Counts = Type.Record(Type.String(), Type.Number());

export const ReportFigures = Type.Object({
  period: Type.Object({ from: LocalDate, to: LocalDate }),
  total: ReportFigure,
  byChannel: Type.Array(ReportFigure),
  bySection: Type.Array(ReportFigure),
  byTheme: Type.Array(ReportFigure),
  byKind: Type.Array(ReportFigure),
  byResult: Type.Array(ReportFigure),
  collective: ReportFigure,
  repeated: ReportFigure,
  extended: ReportFigure,
  answeredLate: ReportFigure,
  stillOverdue: ReportFigure,
  answerDays: Type.Object({ average: Nullable(Type.Number()), median: Nullable(Type.Number()), answered: Type.Number() }),
  satisfaction: Type.Object({ rated: Type.Number(), average: Nullable(Type.Number()), positiveShare: Nullable(Type.Number()), filter: Type.String() }),
  topProblems: Type.Array(Type.Object({ topic: Type.String(), title: Type.String(), count: Type.Number(), results: Counts, filter: Type.String() })),
  risks: Type.Object({ total: Type.Number(), byKind: Counts, byLevel: Counts, curProposalOnTime: Nullable(Type.Number()), draftOnTime: Nullable(Type.Number()) }),
});
export type ReportFigures = Static<typeof ReportFigures>;

const Person = Nullable(Type.Object({ id: Uuid, fullName: Type.String() }));

export const Report = Type.Object({
  id: Uuid,
  municipality: Type.String(),
  municipalityName: Type.String(),
  year: Type.Integer(),
  quarter: Type.Integer(),
  status: ReportStatus,
  dueDate: LocalDate,
  timeliness: ReportCellStatus,
  analytics: Nullable(Type.Object({
    mainProblems: Type.Optional(Nullable(Type.String())),
    measures: Type.Optional(Nullable(Type.String())),
    proposals: Type.Optional(Nullable(Type.String())),
  })),
  figures: ReportFigures,
  figuresFrozen: Type.Boolean(),
  signed: Nullable(Type.Object({ at: DateTime, by: Person })),
  submitted: Nullable(Type.Object({ at: DateTime, by: Person })),
  reviewed: Nullable(Type.Object({ at: DateTime, by: Person, remarks: Nullable(Type.String()) })),
  actions: Type.Array(Type.String({ description: REPORT_ACTIONS.join(' | ') })),
  can: Type.Object({
    read: Type.Boolean({ description: 'Открыть отчёт' }),
    edit: Type.Boolean({ description: 'Заполнить аналитическую часть (PATCH)' }),
    export: Type.Boolean({ description: 'Выгрузить в XLSX или PDF' }),
  }, { description: 'Что текущий пользователь может сделать с отчётом помимо шагов' }),
}, { title: 'Квартальный отчёт' });
export type Report = Static<typeof Report>;
