import { Type, type Static } from 'typebox';

/** What a person's home page counts; the web names each in words. */
export const TODAY_KEYS = [
  'appeals_to_register', 'appeals_to_assign', 'appeals_new_for_me', 'appeals_on_approval',
  'appeals_due_today', 'appeals_overdue', 'appeals_flagged', 'low_ratings',
  'risks_unread', 'risk_clocks', 'risks_to_approve',
  'requests_open', 'requests_overdue', 'report_due', 'reports_to_review',
] as const;
export type TodayKey = (typeof TODAY_KEYS)[number];

export const TodayItem = Type.Object({
  key: Type.Enum(TODAY_KEYS),
  count: Type.Integer({ minimum: 0 }),
  /** Where the list of exactly these objects opens in the web. */
  link: Type.String(),
  /** A date the item is due by (the quarterly report), YYYY-MM-DD. */
  due: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});

export const Today = Type.Object({
  /** The local date of the user's organisation. */
  date: Type.String({ format: 'date' }),
  /** Monday of this week: ratings are counted from it. */
  weekFrom: Type.String({ format: 'date' }),
  items: Type.Array(TodayItem),
});
export type Today = Static<typeof Today>;
export type TodayItem = Static<typeof TodayItem>;
