// Training of the administrations' staff (§6.2): courses and events, enrolment and attendance, and who has not
// been trained this year; declared once for validation, serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';

export const TRAINING_FORMATS = ['in_person', 'online', 'webinar'] as const;
export const TrainingFormat = Type.Enum(TRAINING_FORMATS, { description: 'in_person — очно, online — онлайн-курс, webinar — вебинар' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const TrainingFile = Type.Object({ id: Uuid, filename: Type.String(), mimeType: Type.String(), size: Type.Integer() });

export const TrainingSummary = Type.Object({
  id: Uuid, title: Type.String(), startsAt: DateTime, format: TrainingFormat, place: Nullable(Type.String()),
  enrolled: Type.Integer({ description: 'Записано (муниципалитет видит своих)' }), attended: Type.Integer({ description: 'Присутствовали' }),
});
export type TrainingSummary = Static<typeof TrainingSummary>;
export const TrainingList = Type.Object({ items: Type.Array(TrainingSummary) });

export const Participant = Type.Object({
  userId: Uuid, fullName: Type.String(), position: Nullable(Type.String()), municipality: Type.String(), municipalityName: Type.String(),
  enrolledAt: DateTime, attended: Nullable(Type.Boolean({ description: 'null — посещение ещё не отмечено' })),
});
export type Participant = Static<typeof Participant>;

export const Training = Type.Object({
  ...TrainingSummary.properties,
  description: Type.String(), materials: Type.Array(TrainingFile), participants: Type.Array(Participant),
  can: Type.Object({
    enrol: Type.Boolean({ description: 'Записывать сотрудников (своей администрации; ЦУР — любых)' }),
    markAttendance: Type.Boolean(), addMaterials: Type.Boolean(),
  }),
}, { title: 'Обучающее мероприятие' });
export type Training = Static<typeof Training>;

export const TrainingFilter = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });

export const CreateTraining = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 300 }),
  description: Type.Optional(Type.String({ maxLength: 20000 })),
  startsAt: DateTime,
  format: TrainingFormat,
  place: Type.Optional(Type.String({ maxLength: 500, description: 'Адрес (очно) или ссылка (онлайн, вебинар)' })),
}, { additionalProperties: false });
export type CreateTraining = Static<typeof CreateTraining>;

export const EnrolBody = Type.Object({ userId: Uuid }, { additionalProperties: false });
export const ParticipantParams = Type.Object({ id: Uuid, userId: Uuid });
export const AttendanceBody = Type.Object({
  attended: Type.Array(Uuid, { maxItems: 2000, description: 'Присутствовали' }),
  absent: Type.Optional(Type.Array(Uuid, { maxItems: 2000, description: 'Не присутствовали' })),
}, { additionalProperties: false });
export const TrainingFileParams = Type.Object({ id: Uuid, fileId: Uuid });

export const Coverage = Type.Object({
  year: Type.Integer(),
  items: Type.Array(Type.Object({
    municipality: Type.String(), municipalityName: Type.String(),
    staff: Type.Integer({ description: 'Действующих сотрудников администрации' }), trained: Type.Integer({ description: 'Из них прошли обучение в этом году' }),
    untrained: Type.Array(Type.Object({ userId: Uuid, fullName: Type.String(), position: Nullable(Type.String()), role: Type.String() })),
  })),
}, { title: 'Охват обучением за год' });
export type Coverage = Static<typeof Coverage>;
export const CoverageFilter = TrainingFilter;
