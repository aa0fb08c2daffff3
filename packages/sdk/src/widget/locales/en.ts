import type { Strings } from './types.js'

const en: Strings = {
  lang: 'en',
  title: 'Rate this service',
  close: 'Close',
  next: 'Next',
  send: 'Send',
  skip: 'Skip',
  required: 'Choose an answer to continue.',
  csat: ['How satisfied are you with this service?', 'Very dissatisfied', 'Dissatisfied', 'Neither', 'Satisfied', 'Very satisfied'],
  ces: [
    'How easy was it to get this service?',
    'Very easy',
    'Easy',
    'Somewhat easy',
    'Neither easy nor difficult',
    'Somewhat difficult',
    'Difficult',
    'Very difficult',
  ],
  nps: ['How likely are you to recommend this service to people you know?', '0 — not at all likely', '10 — extremely likely'],
  rating: '1 — very poor, 5 — excellent',
  criteria: {
    time: 'Time to get the service',
    queue: 'Waiting time in the queue',
    politeness: 'Politeness of the staff',
    comfort: 'Comfort of the premises',
    information: 'Availability of information',
  },
  more: 'Thank you! Tell us more if you like.',
  comment: 'What could be improved? (optional)',
  commentHint: 'Please leave out personal data: phone numbers, addresses, document numbers.',
  thanks: 'Thank you for your feedback! It helps us improve this service.',
  tab: 'Give feedback',
}
export default en
