// When appeals arrive: more on weekdays and in local daytime, fewer on public holidays, in
// increasing order so that a repeated appeal always follows the one it repeats.
import type { Random } from './random';

const HOUR = 3_600_000;

/** Relative intensity by local hour, 0–23: night is quiet, the peak is mid-morning. */
const HOUR_WEIGHTS = [
  0.15, 0.08, 0.05, 0.04, 0.04, 0.08, 0.25, 0.6, 1.0, 1.4, 1.5, 1.45,
  1.3, 1.3, 1.35, 1.3, 1.2, 1.05, 0.9, 0.8, 0.75, 0.65, 0.5, 0.3,
];

/** Monday … Sunday. */
const WEEKDAY_WEIGHTS = [1.15, 1.1, 1.05, 1.0, 0.95, 0.55, 0.5];

/** Public holidays with a fixed date (month, day); transfers between years are ignored here. */
const HOLIDAYS = new Set([
  '1-1', '1-2', '1-3', '1-4', '1-5', '1-6', '1-7', '1-8', '2-23', '3-8', '5-1', '5-9', '6-12', '11-4',
]);

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes to add to UTC to get the local time of the zone at that instant. */
export function zoneOffsetMinutes(timeZone: string, instant: number): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** Calendar parts of a local time given as «UTC instant + offset». */
export function localParts(instant: number, offsetMinutes: number): LocalParts {
  const local = new Date(instant + offsetMinutes * 60_000);
  const weekday = local.getUTCDay();
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    weekday: weekday === 0 ? 7 : weekday,
  };
}

function intensity(parts: LocalParts): number {
  const day = HOLIDAYS.has(`${parts.month}-${parts.day}`) ? 0.45 : WEEKDAY_WEIGHTS[parts.weekday - 1];
  return day * HOUR_WEIGHTS[parts.hour];
}

export interface Arrival {
  instant: number;
  /** The hour of the range the instant falls in. */
  bucket: number;
}

/**
 * The range cut into hours; each hour weighs by the local intensity in every zone, and those
 * weights combine by how many appeals each zone's municipalities get.
 */
export class ArrivalModel {
  readonly zones: string[];
  private readonly from: number;
  private readonly to: number;
  private readonly buckets: number;
  /** offsets[z][b]: the zone's offset in minutes during bucket b. */
  private readonly offsets: Int32Array[];
  /** weights[z][b]: the zone's intensity during bucket b, scaled by the bucket's length. */
  private readonly weights: Float64Array[];
  private readonly cumulative: Float64Array;

  constructor(from: Date, to: Date, zoneShares: Map<string, number>) {
    this.from = from.getTime();
    this.to = to.getTime();
    if (!(this.to > this.from)) throw new RangeError('The end of the range must come after its start');
    this.zones = [...zoneShares.keys()];
    this.buckets = Math.ceil((this.to - this.from) / HOUR);
    this.offsets = this.zones.map(() => new Int32Array(this.buckets));
    this.weights = this.zones.map(() => new Float64Array(this.buckets));
    this.cumulative = new Float64Array(this.buckets);
    let total = 0;
    for (let b = 0; b < this.buckets; b++) {
      const start = this.from + b * HOUR;
      const end = Math.min(start + HOUR, this.to);
      const middle = (start + end) / 2;
      let combined = 0;
      this.zones.forEach((zone, z) => {
        const offset = zoneOffsetMinutes(zone, middle);
        this.offsets[z][b] = offset;
        const weight = intensity(localParts(middle, offset)) * ((end - start) / HOUR);
        this.weights[z][b] = weight;
        combined += weight * zoneShares.get(zone)!;
      });
      total += combined;
      this.cumulative[b] = total;
    }
  }

  offset(zone: number, bucket: number): number {
    return this.offsets[zone][bucket];
  }

  weight(zone: number, bucket: number): number {
    return this.weights[zone][bucket];
  }

  /** The instant at quantile u ∈ [0, 1) of the arrival distribution; monotone in u. */
  at(u: number): Arrival {
    const total = this.cumulative[this.buckets - 1];
    const target = u * total;
    let lo = 0;
    let hi = this.buckets - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    const before = lo === 0 ? 0 : this.cumulative[lo - 1];
    const share = this.cumulative[lo] > before ? (target - before) / (this.cumulative[lo] - before) : 0;
    const start = this.from + lo * HOUR;
    const end = Math.min(start + HOUR, this.to);
    const instant = Math.min(Math.floor(start + share * (end - start)), this.to - 1);
    return { instant, bucket: lo };
  }
}

/**
 * Ascending uniform order statistics, one at a time and in constant memory: the largest of n
 * uniforms is U^(1/n), the next is that times U^(1/(n−1)), and so on; mirrored to go upwards.
 */
export class AscendingUniforms {
  private remaining: number;
  private top = 1;

  constructor(count: number) {
    this.remaining = count;
  }

  next(random: Random): number {
    if (this.remaining <= 0) throw new RangeError('No order statistics left');
    // 1 − next() lies in (0, 1], so the power never collapses to zero.
    this.top *= Math.pow(1 - random.next(), 1 / this.remaining);
    this.remaining--;
    return 1 - this.top;
  }
}
