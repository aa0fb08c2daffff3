/** The open page's texts about the data and how respondents are protected. */
import type { Lang } from '../i18n/lang.js'

export const ABOUT: Record<Lang, { title: string; body: string; download: string; figures: string }> = {
  ru: {
    title: 'О данных',
    body: 'По каждой услуге из реестра и каждому календарному месяцу (UTC) публикуются: доля довольных (CSAT — ответы 4 и 5 из 5), индекс NPS (промоутеры 9–10 минус критики 0–6, в процентах), средняя оценка усилий (CES: 1 — очень легко, 7 — очень трудно), доля завершённых обращений и число ответов и начатых обращений. Данные открыты, токен не нужен.',
    download: 'Скачать все данные:',
    figures: 'Данные по услугам',
  },
  en: {
    title: 'About the data',
    body: 'For every service in the registry and every calendar month (UTC) we publish the share of satisfied people (CSAT: answers of 4 and 5 of 5), the NPS (promoters 9–10 minus detractors 0–6, in percent), the mean effort score (CES: 1 = very easy, 7 = very difficult), the share of completed journeys, and the numbers of answers and of journeys started. The data is open; no token is needed.',
    download: 'Download all the data:',
    figures: 'Figures by service',
  },
}

export const METHOD: Record<Lang, (k: number) => string[]> = {
  ru: (k) => [
    `Число меньше k = ${k} человек (и ноль) не публикуется: ячейка показана как «скрыто».`,
    'В каждой строке ответы = CSAT + NPS + CES. Если скрыто одно слагаемое, а остальные известны, скрывается и общее число ответов (или ещё одно слагаемое) — дополнительное скрытие, — чтобы скрытое нельзя было вычислить вычитанием, а вместе скрытые ячейки содержали 0 или не меньше k человек.',
    'Доля публикуется, только если опубликовано её число, и каждая группа людей, которую она раскрывает (довольные и недовольные; промоутеры, нейтралы, критики; завершившие и нет), — 0 или не меньше k человек.',
    'Итоги по месяцам и услугам не публикуются: по итогу можно было бы восстановить скрытый месяц.',
    'Текущий месяц предварительный: его значения растут до конца месяца.',
  ],
  en: (k) => [
    `A count below k = ${k} people (zero included) is not published: the cell reads “hidden”.`,
    'In every row, responses = CSAT + NPS + CES answers. When one of these is suppressed and the others are known, the total of answers (or another of them) is suppressed too — complementary suppression — so that no suppressed count can be worked out by subtraction, and the suppressed cells together hold 0 or at least k people.',
    'A share is published only when its count is, and each group of people it reveals (satisfied or not; promoters, passives, detractors; completed or not) holds 0 or at least k people.',
    'No totals across months or services are published: a total would give a suppressed month away.',
    'The running month is provisional: its figures grow until the month ends.',
  ],
}

export const ACTIONS: Record<
  Lang,
  {
    title: string
    intro: string
    download: string
    none: string
    said: string
    terms: string
    done: string
    when: string
    verified: (date: string) => string
    notYetVerified: string
    before: string
    after: string
    noFigureYet: string
  }
> = {
  ru: {
    title: 'Вы сказали — мы сделали',
    intro:
      'Проблемы, которые показали ваши оценки, и что с ними сделано. Решение считается подтверждённым, когда правило не срабатывает два полных 28-дневных окна после исправления. Комментарии не публикуются: только частые слова из комментариев с низкой оценкой, если их написали не меньше k человек.',
    download: 'Скачать:',
    none: 'Пока нет решённых проблем.',
    said: 'Что вы сказали',
    terms: 'частые слова в комментариях',
    done: 'Что сделано',
    when: 'Когда',
    verified: (date) => `подтверждено данными ${date}`,
    notYetVerified: 'данные ещё проверяют результат',
    before: 'До',
    after: 'После',
    noFigureYet: 'ещё не измерено: нужно полное окно после исправления',
  },
  en: {
    title: 'You said, we did',
    intro:
      'Problems your ratings revealed, and what was done about them. A fix counts as verified once the rule stays quiet for two full 28-day windows after it. Comments are never published: only frequent words of low-score comments, when at least k people wrote them.',
    download: 'Download:',
    none: 'No problem has been resolved yet.',
    said: 'What you said',
    terms: 'frequent words in comments',
    done: 'What was done',
    when: 'When',
    verified: (date) => `verified by the data on ${date}`,
    notYetVerified: 'the data is still checking the result',
    before: 'Before',
    after: 'After',
    noFigureYet: 'not measured yet: a full window after the fix is needed',
  },
}
