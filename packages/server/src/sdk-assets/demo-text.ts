/** The demo service's words, in Russian and English (`?lang=en`). */
export type DemoLang = 'ru' | 'en'

export interface DemoText {
  site: string
  skip: string
  situation: string
  steps: [string, string, string, string]
  stepOf: (n: number) => string
  intro: string
  includes: string
  services: string[]
  start: string
  useful: string
  docsLead: string
  docs: string[]
  next: string
  back: string
  appLead: string
  region: string
  regions: string[]
  pickRegion: string
  how: string
  ways: string[]
  submit: string
  needRegion: string
  doneTitle: string
  doneLead: string
  doneNumber: string
  again: string
  footer: string
  other: string
}

export const TEXT: Record<DemoLang, DemoText> = {
  ru: {
    site: 'Госуслуги — демонстрационный портал',
    skip: 'Перейти к содержанию',
    situation: 'Рождение ребёнка',
    steps: ['О жизненной ситуации', 'Документы', 'Заявление', 'Подтверждение'],
    stepOf: (n) => `Шаг ${n} из 4`,
    intro: 'Всё, что нужно сделать после рождения ребёнка, — в одном месте: без повторного ввода данных и визитов в разные ведомства.',
    includes: 'В жизненную ситуацию входят услуги',
    services: ['Государственная регистрация рождения', 'Выдача сертификата на материнский капитал', 'Единое пособие на ребёнка'],
    start: 'Начать',
    useful: 'Оцените эту страницу',
    docsLead: 'Подготовьте документы. Их сканы понадобятся на следующем шаге.',
    docs: ['Медицинское свидетельство о рождении', 'Паспорта родителей', 'Свидетельство о браке (если есть)'],
    next: 'Далее',
    back: 'Назад',
    appLead: 'Заполните заявление о государственной регистрации рождения.',
    region: 'Регион',
    regions: ['Москва', 'Санкт-Петербург', 'Новосибирская область', 'Республика Татарстан'],
    pickRegion: 'Выберите регион',
    how: 'Как получить свидетельство о рождении',
    ways: ['В отделе ЗАГС', 'В МФЦ', 'Электронный документ в личном кабинете'],
    submit: 'Отправить заявление',
    needRegion: 'Выберите регион, чтобы отправить заявление.',
    doneTitle: 'Заявление отправлено',
    doneLead: 'Ведомство рассмотрит его в течение одного рабочего дня. Статус — в личном кабинете.',
    doneNumber: 'Номер заявления',
    again: 'Вернуться к жизненной ситуации',
    footer: 'Демонстрационная страница Otklik: данные никуда не передаются, кроме оценок и шагов пути.',
    other: 'English version',
  },
  en: {
    site: 'Public services — demo portal',
    skip: 'Skip to content',
    situation: 'Birth of a child',
    steps: ['About the life situation', 'Documents', 'Application', 'Confirmation'],
    stepOf: (n) => `Step ${n} of 4`,
    intro: 'Everything to do after a child is born, in one place: no typing the same data twice, no visits to several agencies.',
    includes: 'This life situation includes the services',
    services: ['State registration of birth', 'Maternity capital certificate', 'Universal child benefit'],
    start: 'Start',
    useful: 'Rate this page',
    docsLead: 'Get these documents ready. You will need their scans at the next step.',
    docs: ['Medical birth certificate', "Parents' passports", 'Marriage certificate (if any)'],
    next: 'Next',
    back: 'Back',
    appLead: 'Fill in the application for state registration of birth.',
    region: 'Region',
    regions: ['Moscow', 'Saint Petersburg', 'Novosibirsk Oblast', 'Republic of Tatarstan'],
    pickRegion: 'Choose a region',
    how: 'How to receive the birth certificate',
    ways: ['At the registry office', 'At a one-stop service centre (MFC)', 'As an electronic document in your account'],
    submit: 'Send the application',
    needRegion: 'Choose a region to send the application.',
    doneTitle: 'Application sent',
    doneLead: 'The agency will process it within one working day. See its status in your account.',
    doneNumber: 'Application number',
    again: 'Back to the life situation',
    footer: 'An Otklik demo page: nothing leaves it except ratings and journey steps.',
    other: 'Русская версия',
  },
}
