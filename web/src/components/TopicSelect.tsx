// The topic classifier (ТОТК) as a select: grouped by section, each topic shown as «theme › topic».
// In a filter a whole section or theme may be chosen too (the registry filters by code prefix).
import { useMemo } from 'react';
import { Select, type SelectOption, type SelectOptionGroup } from '@gravity-ui/uikit';
import { api, type Topic } from '../api';
import { useResource } from '../state/useResource';

type Classifier = { items: Topic[]; groups: { code: string; title: string }[] };
let cache: Promise<Classifier> | null = null;
const NO_TOPICS: Topic[] = [];
const NO_GROUPS: Classifier['groups'] = [];

function useClassifier(): Classifier | null {
  const { data } = useResource(() => {
    cache ??= api.topics.list().then((r) => ({ items: r.items.filter((t) => t.active), groups: r.groups })).catch((error: unknown) => { cache = null; throw error; });
    return cache;
  }, []);
  return data;
}

/** The classifier is the same for the whole session: loaded once (and again after the administrator edits it). */
export function useTopics(): Topic[] {
  return useClassifier()?.items ?? NO_TOPICS;
}

/** The operational groups the topics are routed to. */
export function useTopicGroups(): Classifier['groups'] {
  return useClassifier()?.groups ?? NO_GROUPS;
}

/** Forget the loaded classifier: the administrator changed it. */
export function reloadTopics(): void {
  cache = null;
}

/**
 * Whether a topic's text matches what was typed: every typed word starts a word of the text (so
 * «отоплен дом» finds «Перебои в отоплении… жилого дома»), or the typed code starts the topic's code.
 */
export function topicMatches(text: string, typed: string): boolean {
  const query = typed.trim().toLowerCase().replace(/ё/g, 'е');
  if (!query) return true;
  const haystack = text.toLowerCase().replace(/ё/g, 'е');
  if (/^[\d.]+$/.test(query)) return haystack.split(/\s+/).some((w) => w.startsWith(query));
  const words = haystack.split(/[^\p{L}\p{N}.]+/u);
  // A Russian word is matched by its start, its ending dropped: «отоплением» finds «отопление».
  return query.split(/\s+/).every((q) => {
    const stem = q.length > 4 ? q.slice(0, Math.max(4, q.length - 2)) : q;
    return words.some((w) => w.startsWith(stem));
  });
}

interface TopicSelectProps {
  value: string;
  onUpdate(code: string): void;
  /** Also offer sections and themes, and an «any» entry (for the registry filter). */
  forFilter?: boolean;
  anyLabel?: string;
  placeholder?: string;
  label: string;
  width?: number | 'max';
  error?: string;
  qa?: string;
}

export function TopicSelect({ value, onUpdate, forFilter, anyLabel, placeholder, label, width = 'max', error, qa }: TopicSelectProps) {
  const topics = useTopics();
  const options = useMemo(() => {
    const byCode = new Map(topics.map((t) => [t.code, t]));
    const groups: SelectOptionGroup[] = [];
    for (const section of topics.filter((t) => t.level === 'section')) {
      const items: SelectOption[] = [];
      if (forFilter) items.push({ value: section.code, content: <b>{section.title}</b>, text: `${section.code} ${section.title}` });
      for (const theme of topics.filter((t) => t.level === 'theme' && t.parentCode === section.code)) {
        if (forFilter) items.push({ value: theme.code, content: <span className="topic-option_theme">{theme.title}</span>, text: `${theme.code} ${section.title} › ${theme.title}` });
        for (const topic of topics.filter((t) => t.level === 'topic' && t.parentCode === theme.code)) {
          const path = `${byCode.get(topic.parentCode ?? '')?.title ?? ''} › ${topic.title}`;
          items.push({
            value: topic.code,
            content: forFilter ? <span className="topic-option_topic">{topic.title}</span> : path,
            text: `${topic.code} ${section.title} › ${path}`,
          });
        }
      }
      groups.push({ label: section.title, options: items });
    }
    return forFilter && anyLabel ? [{ value: '', content: anyLabel }, ...groups] : groups;
  }, [topics, forFilter, anyLabel]);

  return (
    <Select
      width={width} filterable value={(value || forFilter) ? [value] : []} options={options} onUpdate={([v]) => onUpdate(v ?? '')}
      placeholder={placeholder} aria-label={label} title={label} qa={qa} popupWidth={520}
      renderSelectedOption={(option) => <span>{option.text?.split(' › ').pop() ?? option.content}</span>}
      filterOption={(option, typed) => topicMatches(('text' in option && option.text) || String(option.value), typed)}
      filterPlaceholder="Слова или код темы" 
      validationState={error ? 'invalid' : undefined} errorMessage={error}
    />
  );
}
