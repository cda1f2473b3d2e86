// The appeal's enumerations shared by the server, the web app and the deadline rules.

/** Channel families; each has its own deadline rules (see deadlines.ts). */
export const CHANNELS = ['fz59', 'pos', 'social', 'voice', 'survey', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Where exactly an appeal came from. */
export const SUB_CHANNELS = [
  'letter', 'email', 'e_reception', 'personal_reception', 'phone', 'pos', 'incident_management',
  'vk', 'telegram', 'ok', 'voice_system', 'survey', 'open311', 'other',
] as const;
export type SubChannel = (typeof SUB_CHANNELS)[number];

/**
 * The channel a sub-channel belongs to by default. A telephone call is not a written appeal
 * under 59-ФЗ, so it counts as `other` unless the intake says otherwise.
 */
export const CHANNEL_OF_SUB_CHANNEL: Record<SubChannel, Channel> = {
  letter: 'fz59',
  email: 'fz59',
  e_reception: 'fz59',
  personal_reception: 'fz59',
  phone: 'other',
  pos: 'pos',
  incident_management: 'social',
  vk: 'social',
  telegram: 'social',
  ok: 'social',
  voice_system: 'voice',
  survey: 'survey',
  open311: 'other',
  other: 'other',
};

/** 59-ФЗ ст.4: заявление, предложение, жалоба. */
export const APPEAL_KINDS = ['statement', 'proposal', 'complaint'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

/** Result of consideration as reported to ССТУ. */
export const RESULT_CODES = ['supported', 'explained', 'not_supported', 'forwarded', 'left_without_answer'] as const;
export type ResultCode = (typeof RESULT_CODES)[number];

export function isChannel(value: unknown): value is Channel {
  return (CHANNELS as readonly unknown[]).includes(value);
}
