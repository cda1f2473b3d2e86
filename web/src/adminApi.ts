// The client of the administration screens: deadline rules, the topic classifier, departments.
import type { Static } from 'typebox';
import type { DeadlineRulesBody, DeadlineRulesResponse } from '../../server/modules/settings/schema';
import type { CreateTopic, Topic, TopicGroup, UpdateTopic } from '../../server/modules/topics/schema';
import type { Department, UpdateDepartment } from '../../server/modules/departments/schema';
import { request } from './api';

export type DeadlineRules = Static<typeof DeadlineRulesBody>;
export type DeadlineRulesAnswer = Static<typeof DeadlineRulesResponse>;

export const adminApi = {
  deadlineRules: () => request<DeadlineRulesAnswer>('GET', '/api/settings/deadline-rules'),
  saveDeadlineRules: (rules: DeadlineRules) => request<DeadlineRulesAnswer>('PUT', '/api/settings/deadline-rules', { body: rules }),
  createTopic: (body: Static<typeof CreateTopic>) => request<Static<typeof Topic>>('POST', '/api/topics', { body }),
  updateTopic: (code: string, body: Static<typeof UpdateTopic>) => request<Static<typeof Topic>>('PATCH', `/api/topics/${encodeURIComponent(code)}`, { body }),
  saveGroup: (code: string, title: string) => request<{ groups: Static<typeof TopicGroup>[] }>('PUT', `/api/topics/groups/${encodeURIComponent(code)}`, { body: { title } }),
  createDepartment: (municipality: string, name: string) => request<Department>('POST', '/api/departments', { body: { municipality, name } }),
  updateDepartment: (id: string, body: Static<typeof UpdateDepartment>) => request<Department>('PATCH', `/api/departments/${encodeURIComponent(id)}`, { body }),
};
