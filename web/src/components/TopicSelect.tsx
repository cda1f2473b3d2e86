// The topic classifier (ТОТК) as a select: grouped by section, each topic shown as «theme › topic».
// In a filter a whole section or theme may be chosen too (the registry filters by code prefix).
import { useMemo } from 'react';
import { Select, type SelectOption, type SelectOptionGroup } from '@gravity-ui/uikit';
import { api, type Topic } from '../api';
import { useResource } from '../state/useResource';

let cache: Promise<Topic[]> | null = null;
const NO_TOPICS: Topic[] = [];

/** The classifier is the same for the whole session: loaded once. */
export function useTopics(): Topic[] {
  const { data } = useResource(() => {
    cache ??= api.topics.list().then((r) => r.items.filter((t) => t.active)).catch((error: unknown) => { cache = null; throw error; });
    return cache;
  }, []);
  return data ?? NO_TOPICS;
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
      if (forFilter) items.push({ value: section.code, content: <b>{section.title}</b>, text: section.title });
      for (const theme of topics.filter((t) => t.level === 'theme' && t.parentCode === section.code)) {
        if (forFilter) items.push({ value: theme.code, content: <span className="topic-option_theme">{theme.title}</span>, text: `${section.title} › ${theme.title}` });
        for (const topic of topics.filter((t) => t.level === 'topic' && t.parentCode === theme.code)) {
          const path = `${byCode.get(topic.parentCode ?? '')?.title ?? ''} › ${topic.title}`;
          items.push({
            value: topic.code,
            content: forFilter ? <span className="topic-option_topic">{topic.title}</span> : path,
            text: `${section.title} › ${path}`,
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
      validationState={error ? 'invalid' : undefined} errorMessage={error}
    />
  );
}
