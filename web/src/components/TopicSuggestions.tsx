// The likeliest topics of an appeal's text as one-click choices: the registration form fills its topic
// field with one, the card sets the appeal's topic. Each shows its confidence and the words that decided.
import { Button, Text } from '@gravity-ui/uikit';
import type { TopicSuggestion } from '../api';
import { useI18n } from '../i18n';

interface TopicSuggestionsProps {
  suggestions: TopicSuggestion[];
  /** The topic chosen now: its suggestion is shown as chosen and cannot be clicked again. */
  current: string | null;
  onChoose(suggestion: TopicSuggestion): void;
  busy?: boolean;
}

export function TopicSuggestions({ suggestions, current, onChoose, busy }: TopicSuggestionsProps) {
  const { t } = useI18n();
  const s = t.appeals.suggest;
  if (suggestions.length === 0) return null;
  return (
    <div className="topic-suggestions" role="group" aria-label={s.title} data-qa="topic-suggestions">
      <Text variant="caption-2" color="secondary">{s.hint}</Text>
      <div className="topic-suggestions__items">
        {suggestions.map((suggestion) => {
          const chosen = suggestion.topic === current;
          return (
            <Button
              key={suggestion.topic} size="m" view={chosen ? 'outlined-info' : 'outlined'} selected={chosen} disabled={busy || chosen}
              onClick={() => onChoose(suggestion)} qa="topic-suggestion"
              title={[suggestion.words.length ? s.words(suggestion.words.join(', ')) : '', suggestion.department ? s.departmentHint(suggestion.department.name) : ''].filter(Boolean).join('. ') || undefined}
            >
              {suggestion.topicTitle}
              <Text color="secondary" variant="caption-2"> · {chosen ? s.current : s.confidence(Math.round(suggestion.confidence * 100))}</Text>
              {suggestion.department && <Text color="secondary" variant="caption-2" qa="topic-suggestion-department"> {s.department(suggestion.department.name)}</Text>}
            </Button>
          );
        })}
      </div>
    </div>
  );
}
