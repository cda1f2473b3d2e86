// The versions of the comment (ЦУР proposals, drafts, remarks), numbered, and a word-level comparison
// of any two of them: insertions and deletions highlighted.
import { useMemo, useState } from 'react';
import { Label, Select, Text } from '@gravity-ui/uikit';
import { diffWords, type ChangeObject } from 'diff';
import type { RiskVersion } from '../riskApi';
import { useI18n } from '../i18n';
import { Panel } from './Facts';

const KIND_THEMES: Record<string, 'info' | 'normal' | 'warning'> = { proposal: 'info', draft: 'normal', remark: 'warning' };

/** Words of Russian text: the segmenter knows Cyrillic; jsdiff's own tokenizer only Latin. */
export function wordDiff(before: string, after: string, locale: string): ChangeObject<string>[] {
  const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(locale, { granularity: 'word' }) : undefined;
  return diffWords(before, after, segmenter ? { intlSegmenter: segmenter } : undefined);
}

/** The pair compared by default: the last two drafts, or the two last versions. */
function defaultPair(versions: RiskVersion[]): [number, number] | null {
  if (versions.length < 2) return null;
  const drafts = versions.filter((v) => v.kind === 'draft');
  if (drafts.length >= 2) return [drafts[drafts.length - 2].version, drafts[drafts.length - 1].version];
  const last = versions[versions.length - 1];
  const before = [...versions].reverse().find((v) => v.version < last.version && v.kind !== 'remark') ?? versions[versions.length - 2];
  return [before.version, last.version];
}

export function RiskDiff({ before, after }: { before: string; after: string }) {
  const { t, locale } = useI18n();
  const parts = useMemo(() => wordDiff(before, after, locale), [before, after, locale]);
  if (before === after) return <Text color="secondary">{t.risks.versions.same}</Text>;
  return (
    <div className="risk-diff" data-qa="risk-diff">
      {parts.map((part, i) => (
        part.added ? <ins key={i} className="risk-diff__ins">{part.value}</ins>
          : part.removed ? <del key={i} className="risk-diff__del">{part.value}</del>
          : <span key={i}>{part.value}</span>
      ))}
    </div>
  );
}

export function RiskVersions({ versions }: { versions: RiskVersion[] }) {
  const { t, formatDateTime } = useI18n();
  const v = t.risks.versions;
  const initial = defaultPair(versions);
  const [picked, setPicked] = useState<[number, number] | null>(null);
  const pair = picked && versions.some((x) => x.version === picked[0]) && versions.some((x) => x.version === picked[1]) ? picked : initial;
  const byNumber = (n: number) => versions.find((x) => x.version === n);
  const options = versions.map((x) => ({ value: String(x.version), content: `${v.version(x.version)} · ${v.kinds[x.kind] ?? x.kind}` }));

  return (
    <Panel title={v.title} qa="risk-versions">
      {versions.length === 0 && <Text color="secondary">{v.none}</Text>}
      <ol className="risk-versions">
        {[...versions].reverse().map((x) => (
          <li key={x.id} className={`risk-version risk-version_${x.kind}`} data-qa={`version-${x.version}`}>
            <div className="risk-version__head">
              <Text variant="subheader-1">{v.version(x.version)}</Text>
              <Label theme={KIND_THEMES[x.kind] ?? 'normal'} size="xs">{v.kinds[x.kind] ?? x.kind}</Label>
              <Text variant="caption-2" color="secondary">
                {x.author?.fullName ? `${x.author.fullName} · ` : ''}{formatDateTime(x.createdAt)}
              </Text>
            </div>
            <div className="risk-text">{x.text}</div>
          </li>
        ))}
      </ol>
      {pair && (
        <section className="risk-compare" aria-label={v.diff} data-qa="risk-compare">
          <div className="risk-compare__head">
            <Text as="h3" variant="subheader-2">{v.diff}</Text>
            <Select
              width={230} value={[String(pair[0])]} options={options} aria-label={v.from} title={v.from} qa="diff-from"
              onUpdate={([n]) => n && setPicked([Number(n), pair[1]])}
            />
            <span aria-hidden>→</span>
            <Select
              width={230} value={[String(pair[1])]} options={options} aria-label={v.to} title={v.to} qa="diff-to"
              onUpdate={([n]) => n && setPicked([pair[0], Number(n)])}
            />
          </div>
          <RiskDiff before={byNumber(pair[0])?.text ?? ''} after={byNumber(pair[1])?.text ?? ''} />
          <Text variant="caption-2" color="secondary">{v.legend}</Text>
        </section>
      )}
    </Panel>
  );
}
