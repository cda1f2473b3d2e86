// «Официальные опровержения и комментарии» of a municipality, for everyone, no sign-in: each published
// comment with the claim it answers, where and when it was published; an Atom feed of the same.
// Without a municipality in the address, the visitor chooses one.
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Card, Icon, Loader, Text } from '@gravity-ui/uikit';
import { AntennaSignal, ArrowUpRightFromSquare } from '@gravity-ui/icons';
import { ApiError } from '../api';
import { riskApi, type Refutation } from '../riskApi';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { PublicLayout } from '../components/PublicLayout';
import { MunicipalityLinks } from '../components/MunicipalityLinks';
import '../risks.css';

function MunicipalityChoice() {
  const { t } = useI18n();
  return (
    <>
      <Text as="p" color="secondary">{t.risks.public.chooseLead}</Text>
      <MunicipalityLinks to={(slug) => `/refutations/${slug}`} qa="refutation-municipalities" />
    </>
  );
}

function RefutationItem({ item }: { item: Refutation }) {
  const { t, formatDateTime } = useI18n();
  const p = t.risks.public;
  return (
    <Card view="outlined" className="refutation" qa="refutation">
      <article id={item.number} aria-labelledby={`${item.number}-title`}>
        <header className="refutation__head">
          <Text as="h2" variant="subheader-3" id={`${item.number}-title`}>{p.comment}</Text>
          <Text color="secondary" variant="caption-2">{item.number} · <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt)}</time></Text>
        </header>
        <section className="refutation__claim" aria-label={p.claim}>
          <Text variant="caption-2" color="secondary" className="refutation__label">{p.claim}</Text>
          <blockquote className="risk-quote" data-qa="refutation-claim">{item.claim}</blockquote>
          {item.claimLink && (
            <a className="text-link refutation__link" href={item.claimLink} target="_blank" rel="noopener noreferrer nofollow">
              {p.claimLink}<Icon data={ArrowUpRightFromSquare} size={12} />
            </a>
          )}
        </section>
        <div className="refutation__comment risk-text" data-qa="refutation-comment">{item.comment}</div>
        <footer className="refutation__foot">
          <Text color="secondary">{p.published}: {item.place ?? '—'}</Text>
          {item.link && (
            <a className="text-link refutation__link" href={item.link} target="_blank" rel="noopener noreferrer">
              {p.open}<Icon data={ArrowUpRightFromSquare} size={12} />
            </a>
          )}
        </footer>
      </article>
    </Card>
  );
}

function MunicipalityRefutations({ slug }: { slug: string }) {
  const { t, errorText } = useI18n();
  const p = t.risks.public;
  const { data, error } = useResource(() => riskApi.refutations(slug), [slug]);

  const feed = riskApi.feedUrl(slug);
  if (error instanceof ApiError && error.status === 404) {
    return <><Alert theme="warning" message={p.notFound} /><RouterLink className="text-link" to="/refutations">{p.otherMunicipality}</RouterLink></>;
  }
  return (
    <>
      {/* React places the feed's link in the document head. */}
      {data && <link rel="alternate" type="application/atom+xml" href={feed} title={p.feedTitle(data.municipalityName)} />}
      {data && <Text as="h2" variant="subheader-3" qa="refutations-municipality">{data.municipalityName}</Text>}
      <div className="refutations__links">
        <a className="text-link refutations__feed" href={feed} data-qa="refutations-feed"><Icon data={AntennaSignal} size={14} />{p.feed}</a>
        <RouterLink className="text-link" to="/refutations">{p.otherMunicipality}</RouterLink>
      </div>
      {error !== null && <Alert theme="danger" message={errorText(error)} />}
      {!data && error === null && <Loader />}
      {data && data.items.length === 0 && <Text color="secondary" qa="refutations-empty">{p.none}</Text>}
      {data && data.items.length > 0 && (
        <div className="refutations" data-qa="refutations">
          {data.items.map((item) => <RefutationItem key={item.number} item={item} />)}
        </div>
      )}
    </>
  );
}

export function RefutationsPage() {
  const { slug } = useParams();
  const { t } = useI18n();
  return (
    <PublicLayout title={t.risks.public.title}>
      {slug ? <MunicipalityRefutations slug={slug} /> : <MunicipalityChoice />}
    </PublicLayout>
  );
}
