/** Every word the dashboard and the open page show, in Russian and English. */
import type { Lang } from './lang.js'
import type { Forms } from './plural.js'
import type { EXCLUSION_REASONS, FLAG_STATUSES } from '@otklik/contract/rules'

type FlagStatus = (typeof FLAG_STATUSES)[number]
type ExclusionReason = (typeof EXCLUSION_REASONS)[number]

export interface Messages {
  appName: string
  skip: string
  nav: { overview: string; services: string; lifeSituations: string; flags: string; main: string }
  signIn: { title: string; intro: string; token: string; hint: string; submit: string; bad: string; signedInAs: string; signOut: string; signedOut: string }
  language: string
  loading: string
  loaded: string
  error: string
  retry: string
  noData: string
  metric: { csat: string; nps: string; ces: string; completion: string; error_rate: string; volume: string }
  metricHelp: { csat: string; nps: string; ces: string; completion: string }
  interval: string
  answers: Forms
  journeys: Forms
  people: Forms
  services: Forms
  points: Forms
  change: { up: string; down: string; same: string; significant: string; noise: string; noPrevious: string; vsPrevious: string }
  controls: { title: string; period: string; days: (n: number) => string; custom: string; from: string; to: string; apply: string; compare: string; comparePrevious: string; compareNone: string; filters: string; clear: string; any: string }
  dims: Record<'agency' | 'life_situation' | 'channel' | 'segment' | 'device' | 'locale', string>
  values: Record<string, string>
  overview: { title: string; kpis: string; flagged: (flagged: number, total: number) => string; ranked: string; rankedIntro: string; none: string; affected: string; since: string; open: string; rules: string }
  rules: Record<string, string>
  severity: Record<'high' | 'medium' | 'low', string>
  servicesView: { title: string; caption: string; filter: string; sortBy: string; name: string; agency: string; flags: string; trend: string; csv: string; shown: (n: number) => string; ascending: string; descending: string }
  service: { trend: string; distributions: string; funnel: string; funnelIntro: string; step: string; reached: string; left: string; dropOff: string; flaggedStep: string; groups: string; groupsIntro: string; group: string; worse: string; comments: string; commentsHidden: string; terms: string; definitions: string; notFound: string; back: string; score: string; share: string; count: string; date: string; previous: string; low: string; high: string; value: string; noComments: string }
  definitions: string[]
  flagsView: { title: string; intro: string; rule: string; all: string; evidence: string; value: string; target: string; baseline: string; q: string; insufficient: string; insufficientIntro: string; lacks: (n: number, journeys: number) => string; status: string; owner: string; action: string; firstSeen: string; shown: (n: number) => string; csv: string }
  flagCase: {
    statuses: Record<FlagStatus, string>
    due: string
    overdue: string
    publicNote: string
    history: string
    historyCaption: string
    when: string
    what: string
    who: string
    evaluated: (fired: boolean) => string
    changed: (from: string, to: string) => string
    act: string
    actIntro: string
    moveTo: string
    moves: Partial<Record<FlagStatus, string>>
    noteFor: Partial<Record<FlagStatus, string>>
    dueLabel: string
    ownerName: string
    ownerContact: string
    submit: string
    moved: (status: string) => string
    followed: string
    followedIntro: string
  }
  excluded: { title: string; none: string; summary: (n: string, answers: string) => string; reasons: Record<ExclusionReason, string>; why: string }
  lifeView: { title: string; intro: string; none: string }
  chart: { showTable: string; hideTable: string; csv: string; trendSummary: (a: TrendSummary) => string; distributionSummary: (metric: string, top: string, share: string, n: string) => string; funnelSummary: (worst: string, rate: string, started: string) => string; noData: (title: string) => string }
  download: { ready: string; failed: string }
  open: { title: string; intro: string; method: string; search: string; agency: string; month: string; partial: string; suppressed: string; summary: (services: number, months: number) => string; csv: string; json: string; trend: (name: string) => string; noRows: string; shown: (n: number) => string; k: (k: number) => string }
}

export interface TrendSummary {
  metric: string
  first: string
  last: string
  from: string
  to: string
  n: string
  change: string
}

const ru: Messages = {
  appName: 'Otklik — панель руководителя',
  skip: 'К основному содержанию',
  nav: { overview: 'Обзор', services: 'Услуги', lifeSituations: 'Жизненные ситуации', flags: 'Сигналы', main: 'Разделы' },
  signIn: {
    title: 'Вход',
    intro: 'Введите токен доступа. Он хранится только в этой вкладке и исчезает при её закрытии.',
    token: 'Токен доступа',
    hint: 'Токен выдаёт администратор: pnpm otklik token create --scope viewer',
    submit: 'Войти',
    bad: 'Токен не подошёл: проверьте, что он скопирован целиком.',
    signedInAs: 'Права',
    signOut: 'Выйти',
    signedOut: 'Вы вышли.',
  },
  language: 'Язык',
  loading: 'Загрузка…',
  loaded: 'Данные обновлены.',
  error: 'Не удалось загрузить данные',
  retry: 'Повторить',
  noData: 'Нет данных за период.',
  metric: { csat: 'CSAT', nps: 'NPS', ces: 'CES', completion: 'Завершение', error_rate: 'Доля ошибок', volume: 'Путей начато' },
  metricHelp: {
    csat: 'доля оценок 4–5 из 5',
    nps: 'готовность рекомендовать, от −100 до 100',
    ces: 'усилия, от 1 (очень легко) до 7 (очень трудно); чем ниже, тем лучше',
    completion: 'доля начатых путей, дошедших до результата',
  },
  interval: '95 % интервал',
  answers: { one: 'ответ', few: 'ответа', many: 'ответов', other: 'ответа' },
  journeys: { one: 'путь', few: 'пути', many: 'путей', other: 'пути' },
  people: { one: 'человек', few: 'человека', many: 'человек', other: 'человека' },
  services: { one: 'услуга', few: 'услуги', many: 'услуг', other: 'услуги' },
  points: { one: 'пункт', few: 'пункта', many: 'пунктов', other: 'пункта' },
  change: { up: 'выше на', down: 'ниже на', same: 'без изменений', significant: 'значимо', noise: 'в пределах шума', noPrevious: 'нет данных за прошлый период', vsPrevious: 'к прошлому периоду' },
  controls: {
    title: 'Период и фильтры',
    period: 'Период',
    days: (n) => `${n} дней`,
    custom: 'Свой',
    from: 'С',
    to: 'По',
    apply: 'Применить',
    compare: 'Сравнение',
    comparePrevious: 'с прошлым периодом',
    compareNone: 'без сравнения',
    filters: 'Фильтры',
    clear: 'Сбросить фильтры',
    any: 'все',
  },
  dims: { agency: 'Ведомство', life_situation: 'Жизненная ситуация', channel: 'Канал', segment: 'Сегмент', device: 'Устройство', locale: 'Язык интерфейса' },
  values: {
    citizen: 'граждане', business: 'бизнес', internal: 'сотрудники',
    web: 'сайт', mobile: 'мобильное', mfc: 'МФЦ', phone: 'телефон', kiosk: 'киоск', other: 'другое',
    desktop: 'компьютер', tablet: 'планшет', tv: 'ТВ', bot: 'бот', unknown: 'неизвестно',
    ru: 'русский', en: 'английский',
  },
  overview: {
    title: 'Обзор',
    kpis: 'Показатели за период',
    flagged: (flagged, total) => `Требуют внимания: ${flagged} из ${total}`,
    ranked: 'Что улучшать в первую очередь',
    rankedIntro: 'Услуги по влиянию: сколько людей затронуто × насколько велик разрыв.',
    none: 'Сигналов нет: все услуги в пределах целей.',
    affected: 'Затронуто',
    since: 'Период',
    open: 'Открыть услугу',
    rules: 'Причины',
  },
  rules: {
    low_csat: 'низкий CSAT', low_nps: 'низкий NPS', high_ces: 'высокий CES (трудно)', csat_decline: 'падение CSAT', nps_decline: 'падение NPS',
    low_completion: 'мало завершений', step_dropoff: 'уход на шаге', high_error_rate: 'много ошибок', slower_completion: 'дольше проходят', group_gap: 'группа хуже остальных',
  },
  severity: { high: 'высокая важность', medium: 'средняя важность', low: 'низкая важность' },
  servicesView: {
    title: 'Услуги', caption: 'Услуги за период', filter: 'Найти услугу', sortBy: 'Сортировать', name: 'Услуга', agency: 'Ведомство', flags: 'Сигналы', trend: 'Динамика CSAT',
    csv: 'Скачать CSV', shown: (n) => `Показано: ${n}`, ascending: 'по возрастанию', descending: 'по убыванию',
  },
  service: {
    trend: 'Динамика', distributions: 'Распределение оценок', funnel: 'Воронка пути', funnelIntro: 'Сколько путей дошло до каждого шага и где люди уходят.',
    step: 'Шаг', reached: 'Дошли', left: 'Ушли', dropOff: 'Уход', flaggedStep: 'здесь сигнал', groups: 'Сравнение групп', groupsIntro: 'Группы, значимо худшие остальных, отмечены словом «хуже».',
    group: 'Группа', worse: 'хуже', comments: 'Последние комментарии', commentsHidden: 'Комментарии видны аналитикам.', terms: 'Частые слова', definitions: 'Как считаются показатели',
    notFound: 'Услуга не найдена.', back: 'Все услуги', score: 'Оценка', share: 'Доля', count: 'Ответов', date: 'Дата', previous: 'прошлый период', low: 'от', high: 'до', value: 'Значение', noComments: 'Комментариев за период нет.',
  },
  definitions: [
    'CSAT — доля оценок 4 и 5 по шкале 1–5, с 95 % интервалом Уилсона.',
    'NPS — доля оценок 9–10 минус доля 0–6 по шкале 0–10, от −100 до 100, с 95 % интервалом.',
    'CES — средняя оценка усилий от 1 (очень легко) до 7 (очень трудно), с 95 % интервалом Стьюдента.',
    'Завершение — доля путей, начатых в периоде, дошедших до результата.',
    'Изменение значимо, когда разница больше совокупной погрешности двух периодов; иначе — «в пределах шума».',
  ],
  flagsView: {
    title: 'Сигналы', intro: 'Одни и те же правила для всех услуг; ложные срабатывания ограничены поправкой Бенджамини — Хохберга.', rule: 'Правило', all: 'все', evidence: 'Доказательства',
    value: 'Значение', target: 'Цель', baseline: 'База', q: 'q', insufficient: 'Мало данных', insufficientIntro: 'Эти услуги не оцениваются, пока данных не станет больше.',
    lacks: (n, j) => `${n} ответов и ${j} путей за период`, status: 'Статус', owner: 'Ответственный', action: 'Действие', firstSeen: 'Впервые', shown: (n) => `Показано сигналов: ${n}`, csv: 'Скачать CSV',
  },
  flagCase: {
    statuses: {
      open: 'открыт', acknowledged: 'принят в работу', in_progress: 'запланировано действие', resolved: 'решён', verified: 'решение подтверждено данными',
      reopened: 'открыт снова', wont_fix: 'отклонён',
    },
    due: 'Срок', overdue: 'срок прошёл', publicNote: 'Что сделано (публично)', history: 'История', historyCaption: 'Оценки правила и смены статуса, сначала новые',
    when: 'Когда', what: 'Что', who: 'Кто',
    evaluated: (fired) => (fired ? 'оценка: правило сработало' : 'оценка: правило не сработало'),
    changed: (from, to) => `статус: ${from} → ${to}`,
    act: 'Изменить статус', actIntro: 'Заметки к решению и к отказу публикуются в открытых данных вместе с показателем до и после.',
    moveTo: 'Новый статус',
    moves: { acknowledged: 'Принять в работу', in_progress: 'Запланировать действие', resolved: 'Отметить решённым', wont_fix: 'Отклонить', reopened: 'Открыть снова' },
    noteFor: { in_progress: 'Что будет сделано', resolved: 'Что сделано (будет опубликовано)', wont_fix: 'Почему не будет исправлено (будет опубликовано)', reopened: 'Почему открыт снова', acknowledged: 'Заметка (необязательно)' },
    dueLabel: 'Срок выполнения', ownerName: 'Ответственный (имя)', ownerContact: 'Контакт ответственного', submit: 'Сохранить',
    moved: (status) => `Статус изменён: ${status}.`,
    followed: 'Известные сигналы, которые сейчас не срабатывают', followedIntro: 'Решённые, подтверждённые, отклонённые и затихшие сигналы выбранных услуг.',
  },
  excluded: {
    title: 'Отсеянные ответы',
    none: 'Ни один ответ за период не отсеян как поддельный.',
    summary: (n, answers) => `${n} ${answers} не учтены в показателях как вероятно поддельные:`,
    reasons: { bot: 'от ботов', not_shown: 'без показа опроса', too_fast: 'быстрее, чем успевает человек', session_cap: 'сверх лимита на сессию', burst: 'всплеск с одного адреса или сессии' },
    why: 'Ответы хранятся; администратор может вернуть их в расчёт.',
  },
  lifeView: { title: 'Жизненные ситуации', intro: 'Каждая ситуация с её услугами и сквозными показателями.', none: 'Жизненные ситуации не заведены.' },
  chart: {
    showTable: 'Показать таблицей',
    hideTable: 'Скрыть таблицу',
    csv: 'CSV',
    trendSummary: (a) => `${a.metric}: ${a.first} в начале и ${a.last} в конце периода ${a.from} – ${a.to}, всего ${a.n}; ${a.change}.`,
    distributionSummary: (metric, top, share, n) => `${metric}: чаще всего ставили ${top} (${share}), всего ${n}.`,
    funnelSummary: (worst, rate, started) => `Больше всего уходят на шаге «${worst}» (${rate}); начато ${started}.`,
    noData: (title) => `${title}: нет данных за период.`,
  },
  download: { ready: 'Файл CSV скачан.', failed: 'Не удалось скачать CSV' },
  open: {
    title: 'Открытые данные об услугах',
    intro: 'Оценки качества государственных услуг по месяцам. Малые группы скрыты, чтобы никого нельзя было узнать.',
    method: 'Как защищены респонденты',
    search: 'Найти услугу или ведомство',
    agency: 'Ведомство',
    month: 'Месяц',
    partial: 'месяц не закончен',
    suppressed: 'скрыто',
    summary: (s, m) => `${s} услуг, ${m} месяцев.`,
    csv: 'Скачать CSV',
    json: 'JSON',
    trend: (name) => `CSAT по месяцам: ${name}`,
    noRows: 'Ничего не найдено.',
    shown: (n) => `Показано услуг: ${n}`,
    k: (k) => `Группы меньше ${k} человек не публикуются.`,
  },
}

const en: Messages = {
  appName: 'Otklik — manager’s dashboard',
  skip: 'Skip to main content',
  nav: { overview: 'Overview', services: 'Services', lifeSituations: 'Life situations', flags: 'Flags', main: 'Sections' },
  signIn: {
    title: 'Sign in',
    intro: 'Enter your access token. It is kept in this tab only and forgotten when the tab closes.',
    token: 'Access token',
    hint: 'An administrator issues tokens: pnpm otklik token create --scope viewer',
    submit: 'Sign in',
    bad: 'The token was not accepted: check that it was copied whole.',
    signedInAs: 'Access',
    signOut: 'Sign out',
    signedOut: 'You have signed out.',
  },
  language: 'Language',
  loading: 'Loading…',
  loaded: 'Figures updated.',
  error: 'The figures could not be loaded',
  retry: 'Try again',
  noData: 'No data for the period.',
  metric: { csat: 'CSAT', nps: 'NPS', ces: 'CES', completion: 'Completion', error_rate: 'Error rate', volume: 'Journeys started' },
  metricHelp: {
    csat: 'share of 4–5 answers out of 5',
    nps: 'willingness to recommend, −100 to 100',
    ces: 'effort, 1 (very easy) to 7 (very difficult); lower is better',
    completion: 'share of started journeys that reached the result',
  },
  interval: '95 % interval',
  answers: { one: 'answer', other: 'answers' },
  journeys: { one: 'journey', other: 'journeys' },
  people: { one: 'person', other: 'people' },
  services: { one: 'service', other: 'services' },
  points: { one: 'point', other: 'points' },
  change: { up: 'up', down: 'down', same: 'no change', significant: 'significant', noise: 'within noise', noPrevious: 'no data for the previous period', vsPrevious: 'against the previous period' },
  controls: {
    title: 'Period and filters',
    period: 'Period',
    days: (n) => `${n} days`,
    custom: 'Custom',
    from: 'From',
    to: 'To',
    apply: 'Apply',
    compare: 'Comparison',
    comparePrevious: 'with the previous period',
    compareNone: 'none',
    filters: 'Filters',
    clear: 'Clear filters',
    any: 'all',
  },
  dims: { agency: 'Agency', life_situation: 'Life situation', channel: 'Channel', segment: 'Segment', device: 'Device', locale: 'Interface language' },
  values: {
    citizen: 'citizens', business: 'business', internal: 'staff',
    web: 'website', mobile: 'mobile', mfc: 'service centre', phone: 'phone', kiosk: 'kiosk', other: 'other',
    desktop: 'desktop', tablet: 'tablet', tv: 'TV', bot: 'bot', unknown: 'unknown',
    ru: 'Russian', en: 'English',
  },
  overview: {
    title: 'Overview',
    kpis: 'Figures for the period',
    flagged: (flagged, total) => `Need attention: ${flagged} of ${total}`,
    ranked: 'What to improve first',
    rankedIntro: 'Services by impact: people affected × size of the gap.',
    none: 'No flags: every service is within its targets.',
    affected: 'Affected',
    since: 'Period',
    open: 'Open the service',
    rules: 'Reasons',
  },
  rules: {
    low_csat: 'low CSAT', low_nps: 'low NPS', high_ces: 'high CES (hard)', csat_decline: 'CSAT decline', nps_decline: 'NPS decline',
    low_completion: 'low completion', step_dropoff: 'drop-off at a step', high_error_rate: 'many errors', slower_completion: 'slower completion', group_gap: 'a group does worse',
  },
  severity: { high: 'high severity', medium: 'medium severity', low: 'low severity' },
  servicesView: {
    title: 'Services', caption: 'Services in the period', filter: 'Find a service', sortBy: 'Sort by', name: 'Service', agency: 'Agency', flags: 'Flags', trend: 'CSAT trend',
    csv: 'Download CSV', shown: (n) => `Shown: ${n}`, ascending: 'ascending', descending: 'descending',
  },
  service: {
    trend: 'Trend', distributions: 'Score distribution', funnel: 'Journey funnel', funnelIntro: 'How many journeys reached each step, and where people leave.',
    step: 'Step', reached: 'Reached', left: 'Left', dropOff: 'Drop-off', flaggedStep: 'flagged here', groups: 'Groups compared', groupsIntro: 'Groups significantly worse than the rest are marked “worse”.',
    group: 'Group', worse: 'worse', comments: 'Recent comments', commentsHidden: 'Comments are shown to analysts.', terms: 'Frequent words', definitions: 'How the figures are defined',
    notFound: 'Service not found.', back: 'All services', score: 'Score', share: 'Share', count: 'Answers', date: 'Date', previous: 'previous period', low: 'low', high: 'high', value: 'Value', noComments: 'No comments in the period.',
  },
  definitions: [
    'CSAT is the share of 4 and 5 answers on a 1–5 scale, with its 95 % Wilson interval.',
    'NPS is the share of 9–10 answers minus the share of 0–6 on a 0–10 scale, −100 to 100, with its 95 % interval.',
    'CES is the mean effort score from 1 (very easy) to 7 (very difficult), with its 95 % Student t interval.',
    'Completion is the share of journeys started in the period that reached the result.',
    'A change is significant when the difference exceeds the combined margin of the two periods; otherwise it is “within noise”.',
  ],
  flagsView: {
    title: 'Flags', intro: 'The same rules for every service; false alarms are controlled by the Benjamini–Hochberg procedure.', rule: 'Rule', all: 'all', evidence: 'Evidence',
    value: 'Value', target: 'Target', baseline: 'Baseline', q: 'q', insufficient: 'Too little data', insufficientIntro: 'These services are not judged until there is more data.',
    lacks: (n, j) => `${n} answers and ${j} journeys in the period`, status: 'Status', owner: 'Owner', action: 'Action', firstSeen: 'First seen', shown: (n) => `Flags shown: ${n}`, csv: 'Download CSV',
  },
  flagCase: {
    statuses: {
      open: 'open', acknowledged: 'acknowledged', in_progress: 'action planned', resolved: 'resolved', verified: 'fix verified by the data',
      reopened: 'reopened', wont_fix: 'declined',
    },
    due: 'Due', overdue: 'overdue', publicNote: 'What was done (public)', history: 'History', historyCaption: 'Evaluations of the rule and changes of status, newest first',
    when: 'When', what: 'What', who: 'Who',
    evaluated: (fired) => (fired ? 'evaluation: the rule fired' : 'evaluation: the rule did not fire'),
    changed: (from, to) => `status: ${from} → ${to}`,
    act: 'Change the status', actIntro: 'Notes on a fix or a refusal are published in open data with the figure before and after.',
    moveTo: 'New status',
    moves: { acknowledged: 'Acknowledge', in_progress: 'Plan an action', resolved: 'Mark resolved', wont_fix: 'Decline', reopened: 'Reopen' },
    noteFor: { in_progress: 'What will be done', resolved: 'What was done (will be published)', wont_fix: 'Why it will not be fixed (will be published)', reopened: 'Why it is reopened', acknowledged: 'Note (optional)' },
    dueLabel: 'Due date', ownerName: 'Owner (name)', ownerContact: "Owner's contact", submit: 'Save',
    moved: (status) => `Status changed: ${status}.`,
    followed: 'Known flags that do not fire now', followedIntro: 'Resolved, verified, declined and quiet flags of the services shown.',
  },
  excluded: {
    title: 'Answers left out',
    none: 'No answer in the period was left out as forged.',
    summary: (n, answers) => `${n} ${answers} left out of the figures as likely forged:`,
    reasons: { bot: 'from bots', not_shown: 'without the survey being shown', too_fast: 'faster than a person can answer', session_cap: 'past the limit per session', burst: 'a burst from one address or session' },
    why: 'The answers are kept; an admin can count them again.',
  },
  lifeView: { title: 'Life situations', intro: 'Each life situation with its services and end-to-end figures.', none: 'No life situations are registered.' },
  chart: {
    showTable: 'Show as a table',
    hideTable: 'Hide the table',
    csv: 'CSV',
    trendSummary: (a) => `${a.metric} was ${a.first} at the start and ${a.last} at the end of ${a.from} – ${a.to}, over ${a.n}; ${a.change}.`,
    distributionSummary: (metric, top, share, n) => `${metric}: the most frequent score was ${top} (${share}) of ${n}.`,
    funnelSummary: (worst, rate, started) => `Most people leave at step “${worst}” (${rate}); ${started} started.`,
    noData: (title) => `${title}: no data for the period.`,
  },
  download: { ready: 'The CSV file was downloaded.', failed: 'The CSV could not be downloaded' },
  open: {
    title: 'Open data on public services',
    intro: 'Quality ratings of public services by month. Small groups are hidden so that no one can be recognised.',
    method: 'How respondents are protected',
    search: 'Find a service or agency',
    agency: 'Agency',
    month: 'Month',
    partial: 'month not over',
    suppressed: 'hidden',
    summary: (s, m) => `${s} services, ${m} months.`,
    csv: 'Download CSV',
    json: 'JSON',
    trend: (name) => `CSAT by month: ${name}`,
    noRows: 'Nothing found.',
    shown: (n) => `Services shown: ${n}`,
    k: (k) => `Groups of fewer than ${k} people are not published.`,
  },
}

export const MESSAGES: Record<Lang, Messages> = { ru, en }
