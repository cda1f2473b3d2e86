// English strings of roadmaps, informing residents and poll results.
import type { programsRu } from './programs.ru';
import type { Widen } from './ru';

export const programsEn: Widen<typeof programsRu> = {
  roadmaps: {
    title: 'Roadmaps',
    create: 'New roadmap',
    empty: 'No roadmaps yet',
    columns: { title: 'Title', municipality: 'Municipality', startsOn: 'Start', measures: 'Measures done', overdue: 'Overdue' },
    form: {
      title: 'Title', description: 'Description and the cause of repeated appeals', topics: 'Topics of appeals', addTopic: 'Add a topic',
      streets: 'Streets (one per line, e.g. «ул. Мира» or «ул. Мира, 5»)', settlements: 'Settlements (one per line)',
      startsOn: 'Start date', save: 'Save', cancel: 'Cancel', remove: 'Remove',
    },
    created: 'Roadmap created',
    facts: { municipality: 'Municipality', startsOn: 'Start', topics: 'Topics', places: 'Places', clusters: 'Problem clusters', description: 'Description' },
    street: 'street', settlement: 'settlement',
    effect: {
      title: 'Effect', before: 'Before the start', after: 'After the start', change: 'Change', noChange: 'no appeals before the start',
      window: (days: number, beforeFrom: string, beforeTo: string, afterFrom: string, afterTo: string) =>
        `Appeals on the roadmap's topics and places over ${days} days after the start (${afterFrom} — ${afterTo}) against as long before it (${beforeFrom} — ${beforeTo})`,
      notStarted: 'The roadmap has not started yet: its effect shows from the start date.',
      chart: 'Appeals by month before and after the start', month: 'Month',
    },
    measures: {
      title: 'Measures', empty: 'No measures yet', add: 'Add a measure', name: 'Measure', responsible: 'Responsible',
      dueOn: 'Deadline', status: 'Status', evidence: 'Evidence', attach: 'Attach a file', overdue: 'overdue', saved: 'Saved',
      statuses: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
    },
    comments: { title: 'Comments', empty: 'No comments yet', placeholder: 'Comment', send: 'Send', cur: 'Regional centre', municipality: 'Administration' },
  },
  informing: {
    title: 'Informing residents',
    plan: 'Plan of publications',
    create: 'Plan a publication',
    previous: 'Previous month', next: 'Next month',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    fields: { municipality: 'Municipality', title: 'Subject of the publication', topic: 'Classifier topic', channel: 'Channel', plannedOn: 'Planned date', status: 'Status', link: 'Link to the publication' },
    anyTopic: 'No topic',
    channels: { website: 'Official website', vk: 'VKontakte', telegram: 'Telegram', ok: 'Odnoklassniki', max: 'MAX', newspaper: 'Newspaper', tv: 'Television', radio: 'Radio', other: 'Other' },
    statuses: { planned: 'Planned', published: 'Published', cancelled: 'Cancelled' },
    save: 'Save', cancel: 'Cancel', saved: 'Saved', chooseMunicipality: 'Choose a municipality at the top of the page to plan publications and see subscribers',
    subscribers: 'Subscribers', subscribersTotal: (n: number) => `Confirmed subscribers: ${n}`, noSubscribers: 'No subscribers yet',
    publicPage: 'Subscription page for residents',
    open: 'Open',
  },
  subscribe: {
    title: (name: string) => `News of the administration: ${name}`,
    lead: 'Subscribe to topics and we will write when the administration completes a measure on them. No account is needed; one link in any letter unsubscribes.',
    email: 'E-mail', topics: 'Topics', submit: 'Subscribe', plan: 'Plan of publications',
    chooseTopics: 'Choose at least one topic',
    confirmTitle: 'Confirming the subscription', confirming: 'Confirming…',
    confirmed: (name: string) => `Your subscription to the news of ${name} is confirmed.`,
    unsubscribeTitle: 'Unsubscribing', unsubscribing: 'Unsubscribing…',
    unsubscribed: (name: string) => `You have unsubscribed from the news of ${name}. No more letters will come.`,
    topicsOf: 'Topics of the subscription', noToken: 'The link has no code. Open the whole link from the letter.',
  },
  polls: {
    title: 'Polls and public discussions',
    topic: 'Topic', anyTopic: 'All topics', empty: 'No results yet',
    create: 'Enter results', import: 'Load CSV or XLSX',
    importHint: 'One row per option: Муниципалитет, Вид, Вопрос, Код темы, Начало, Окончание, Вариант, Голосов',
    imported: (created: number, updated: number) => `Loaded: ${created} new, ${updated} updated`,
    rejected: 'Rows not loaded', row: 'Row', column: 'Column', problem: 'Problem', value: 'Value',
    kinds: { vote: 'Vote', discussion: 'Public discussion' },
    period: (from: string, to: string) => `${from} — ${to}`,
    total: (n: number) => `Votes in all: ${n}`,
    appeals: (n: number) => `Appeals on the topic in the period: ${n}`,
    fields: { municipality: 'Municipality', kind: 'Kind', question: 'Question', topic: 'Topic', startsOn: 'Start', endsOn: 'End', options: 'Options and votes', option: 'Option', count: 'Votes', addOption: 'Add an option' },
    save: 'Save', cancel: 'Cancel', saved: 'Results saved', remove: 'Delete', removed: 'Results deleted',
  },
};
