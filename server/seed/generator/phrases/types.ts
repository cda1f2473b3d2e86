// The pieces an appeal text is assembled from.
//
// Template syntax, shared by every phrase and template of the generator:
//   <a|b|c>   one of the variants, at random;
//   [m|f]     the first variant for a male author, the second for a female one;
//   {slot}    a value: {place}, {problem}, {ask}, {since}, {pastDate}, {who}, {route}, {n}…;
//   {Slot}    the same value with a capital first letter.

/**
 * Where the problem is, which decides how the place is written:
 * - street: on a street («на ул. Ленина у дома № 5»);
 * - yard: in a yard or next to a house;
 * - house: in an apartment block;
 * - entrance: in a stairwell («в подъезде № 2 дома № 5 по ул. Ленина»);
 * - stop: at a public transport stop;
 * - institution: in a school, clinic, library… (see `institutions`);
 * - area: around an address;
 * - resident: the problem is the author's own, the address is where they live.
 */
export type PlaceKind = 'street' | 'yard' | 'house' | 'entrance' | 'stop' | 'institution' | 'area' | 'resident';

export interface TopicPhrases {
  /**
   * Clauses that follow a place («не горят уличные фонари») or, for `resident`, stand alone.
   * A leading «!» marks an event rather than a lasting state: no «уже неделю» is added to it.
   */
  problems: string[];
  /** Infinitive phrases after «Прошу», «Предлагаю», «Просит»: «восстановить освещение». */
  asks: string[];
  /** Weight within the group; 1 when absent. */
  weight?: number;
  /** Months (1–12) when the topic comes up; outside them its weight is multiplied by `off`. */
  season?: { months: number[]; off?: number };
  /** Where the problem is; `institution` when `institutions` are given, otherwise the group's. */
  place?: PlaceKind;
  /** For `institution`, in the prepositional case: «в поликлинике № {n}». */
  institutions?: string[];
  /** Share of proposals instead of the group's. */
  proposals?: number;
}

export type TopicTable = Record<string, TopicPhrases>;

/** заявление, предложение, жалоба */
export type Kind = 'statement' | 'proposal' | 'complaint';

export const WINTER = [11, 12, 1, 2, 3];
export const WARM = [4, 5, 6, 7, 8, 9, 10];
export const SUMMER = [5, 6, 7, 8, 9];
