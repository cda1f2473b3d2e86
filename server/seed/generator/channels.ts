// Where appeals come from and in what proportions, and the identifiers the source systems give them.
import { Weighted, type Random } from './random';

export type Channel = 'fz59' | 'pos' | 'social' | 'voice' | 'survey' | 'other';
export type SubChannel =
  | 'letter' | 'email' | 'e_reception' | 'personal_reception' | 'phone' | 'pos' | 'incident_management'
  | 'vk' | 'telegram' | 'ok' | 'voice_system' | 'survey' | 'other';

/** Shares of the channels in a municipality's flow (ПОС and 59-ФЗ dominate, then social networks). */
export const CHANNEL_SHARES: Record<Channel, number> = {
  pos: 0.45,
  fz59: 0.35,
  social: 0.15,
  voice: 0.02,
  survey: 0.015,
  other: 0.015,
};

export const SUB_CHANNEL_SHARES: Record<Channel, Partial<Record<SubChannel, number>>> = {
  fz59: { e_reception: 0.45, letter: 0.22, email: 0.2, personal_reception: 0.13 },
  pos: { pos: 1 },
  social: { incident_management: 0.4, vk: 0.35, telegram: 0.15, ok: 0.1 },
  voice: { voice_system: 1 },
  survey: { survey: 1 },
  other: { phone: 0.7, other: 0.3 },
};

export const channelChoice = new Weighted(Object.entries(CHANNEL_SHARES) as [Channel, number][]);

export const subChannelChoices = Object.fromEntries(
  Object.entries(SUB_CHANNEL_SHARES).map(([channel, shares]) => [channel, new Weighted(Object.entries(shares) as [SubChannel, number][])]),
) as Record<Channel, Weighted<SubChannel>>;

/**
 * Identifiers of ПОС messages, Инцидент-менеджмент incidents and social-network posts. They grow
 * with time, as in the source systems, and never repeat within one generation.
 */
export class ExternalIds {
  private pos = 1_800_000_000;
  private incident = 52_000_000;
  private post = 0;
  private readonly groupIds = new Map<string, number>();

  constructor(private readonly random: Random) {
    this.pos += random.int(0, 50_000_000);
    this.incident += random.int(0, 5_000_000);
    this.post = random.int(10_000, 90_000);
  }

  next(subChannel: SubChannel, municipality: string): string | null {
    switch (subChannel) {
      case 'pos':
        this.pos += this.random.int(3, 400);
        return String(this.pos);
      case 'incident_management':
        this.incident += this.random.int(2, 150);
        return String(this.incident);
      case 'vk': {
        this.post += this.random.int(1, 4);
        const wall = `wall-${this.groupId(municipality)}_${this.post}`;
        return this.random.chance(0.6) ? `${wall}?reply=${this.post * 7 + this.random.int(1, 6)}` : wall;
      }
      case 'telegram':
        this.post += this.random.int(1, 4);
        return `${municipality.replace(/-/g, '_')}_live/${this.post}`;
      case 'ok':
        this.post += this.random.int(1, 4);
        return `group/${this.groupId(municipality) + 5_000_000}/topic/${1_540_000_000_000 + this.post}`;
      default:
        return null;
    }
  }

  // The municipality's public group: a stable number derived from its slug.
  private groupId(municipality: string): number {
    let id = this.groupIds.get(municipality);
    if (id === undefined) {
      let hash = 7;
      for (const c of municipality) hash = (hash * 31 + c.charCodeAt(0)) % 90_000_000;
      id = 100_000_000 + hash;
      this.groupIds.set(municipality, id);
    }
    return id;
  }
}
