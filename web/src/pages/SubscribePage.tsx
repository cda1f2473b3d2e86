// The residents' side of informing, without an account: subscribing to a municipality's topics, the link that
// confirms it, and the link in every letter that ends it.
import { useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Button, Checkbox, Text, TextInput } from '@gravity-ui/uikit';
import { ApiError } from '../api';
import { programsApi, type SubscriptionState } from '../programsApi';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { PublicLayout } from '../components/PublicLayout';
import '../public.css';
import '../programs.css';

export function SubscribePage() {
  const { slug = '' } = useParams();
  const { t, errorText, formatDate } = useI18n();
  const s = t.programs.subscribe;
  const { data, error } = useResource(() => programsApi.publicInforming(slug), [slug]);
  const [email, setEmail] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sections = useMemo(() => {
    const map = new Map<string, { code: string; title: string }[]>();
    for (const topic of data?.topics ?? []) map.set(topic.section, [...(map.get(topic.section) ?? []), topic]);
    return [...map.entries()];
  }, [data]);
  const submit = async () => {
    setErrors({});
    setFailure(null);
    if (!chosen.length) {
      setErrors({ topics: s.chooseTopics });
      return;
    }
    setBusy(true);
    try {
      setDone((await programsApi.subscribe({ municipality: slug, email, topics: chosen })).message);
    } catch (e) {
      if (e instanceof ApiError) setErrors(Object.fromEntries(e.details.map((d) => [d.field, d.message])));
      setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <PublicLayout title={data ? s.title(data.municipalityName) : t.programs.informing.title}>
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {data && (done ? <Text variant="body-2" qa="subscribe-done">{done}</Text> : (
        <form className="programs-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <Text>{s.lead}</Text>
          <fieldset className="programs-topics">
            <legend><Text variant="subheader-2">{s.topics}</Text></legend>
            {sections.map(([section, items]) => (
              <div key={section}>
                <Text variant="subheader-1">{section}</Text>
                {items.map((topic) => (
                  <div key={topic.code}><Checkbox checked={chosen.includes(topic.code)} onUpdate={(on) => setChosen((c) => (on ? [...c, topic.code] : c.filter((x) => x !== topic.code)))}>{topic.title}</Checkbox></div>
                ))}
              </div>
            ))}
            {errors.topics && <Text color="danger">{errors.topics}</Text>}
          </fieldset>
          <label className="programs-field"><Text variant="subheader-1">{s.email}</Text>
            <TextInput type="email" value={email} onUpdate={setEmail} validationState={errors.email ? 'invalid' : undefined} errorMessage={errors.email} controlProps={{ 'aria-label': s.email }} /></label>
          {failure && <Text color="danger">{failure}</Text>}
          <div><Button view="action" size="l" type="submit" loading={busy} qa="subscribe-submit">{s.submit}</Button></div>
        </form>
      ))}
      {data && data.publications.length > 0 && (
        <section className="programs-plan">
          <Text as="h2" variant="subheader-3">{s.plan}</Text>
          <ul className="programs-list">
            {data.publications.map((p, i) => (
              <li key={i}>{formatDate(p.plannedOn)} — {p.link ? <a href={p.link} target="_blank" rel="noreferrer">{p.title}</a> : p.title} <Text color="secondary">({t.programs.informing.channels[p.channel]})</Text></li>
            ))}
          </ul>
        </section>
      )}
    </PublicLayout>
  );
}

/** The links' requests by action and token: a link works once, so the page sends it once however often it renders. */
const followed = new Map<string, Promise<SubscriptionState>>();

function follow(action: 'confirm' | 'unsubscribe', token: string): Promise<SubscriptionState> {
  const key = `${action}:${token}`;
  let request = followed.get(key);
  if (!request) {
    request = action === 'confirm' ? programsApi.confirm(token) : programsApi.unsubscribe(token);
    followed.set(key, request);
  }
  return request;
}

/** The link of a letter: confirms the subscription or ends it as soon as the page opens (one click). */
export function SubscriptionLinkPage({ action }: { action: 'confirm' | 'unsubscribe' }) {
  const { t, errorText } = useI18n();
  const s = t.programs.subscribe;
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<SubscriptionState | null>(null);
  const [failure, setFailure] = useState<string | null>(token ? null : s.noToken);
  useEffect(() => {
    if (!token) return;
    let live = true;
    follow(action, token)
      .then((result) => live && setState(result))
      .catch((e: unknown) => live && setFailure(errorText(e)));
    return () => { live = false; };
  }, [action, token, errorText]);
  return (
    <PublicLayout title={action === 'confirm' ? s.confirmTitle : s.unsubscribeTitle}>
      {failure && <Text color="danger" qa="subscription-failure">{failure}</Text>}
      {!failure && !state && <Text color="secondary">{action === 'confirm' ? s.confirming : s.unsubscribing}</Text>}
      {state && (
        <div data-qa="subscription-result">
          <Text variant="body-2">{action === 'confirm' ? s.confirmed(state.municipalityName) : s.unsubscribed(state.municipalityName)}</Text>
          {action === 'confirm' && <ul className="programs-list">{state.topics.map((x) => <li key={x}>{x}</li>)}</ul>}
        </div>
      )}
    </PublicLayout>
  );
}
