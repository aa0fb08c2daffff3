/**
 * The demo portfolio: agencies, life situations and services with the
 * steps of their journeys. Real-sounding, not real data.
 */
import type { NamedRow } from '../registry/named-entries.js'

export interface DemoService extends NamedRow {
  agency: string
  life_situations: string[]
  /** Journey steps, in order. */
  steps: string[]
  /** Mean journeys per weekday. */
  volume: number
  /** Share of journeys from businesses (the rest: citizens, a few civil servants). */
  business: number
  /** Median minutes from start to completion. */
  minutes: number
}

export const DEMO_AGENCIES: NamedRow[] = [
  { id: 'mvd', name_ru: 'МВД России', name_en: 'Ministry of Internal Affairs' },
  { id: 'fns', name_ru: 'ФНС России', name_en: 'Federal Tax Service' },
  { id: 'sfr', name_ru: 'Социальный фонд России', name_en: 'Social Fund of Russia' },
  { id: 'rosreestr', name_ru: 'Росреестр', name_en: 'Federal Registration Service (Rosreestr)' },
  { id: 'mfc-tver', name_ru: 'МФЦ Тверской области', name_en: 'Tver Region Multifunctional Centre' },
]

export const DEMO_LIFE_SITUATIONS: NamedRow[] = [
  { id: 'birth-of-child', name_ru: 'Рождение ребёнка', name_en: 'Birth of a child' },
  { id: 'moving', name_ru: 'Переезд', name_en: 'Moving house' },
  { id: 'business-start', name_ru: 'Открытие бизнеса', name_en: 'Starting a business' },
  { id: 'retirement', name_ru: 'Выход на пенсию', name_en: 'Retirement' },
  { id: 'car-purchase', name_ru: 'Покупка автомобиля', name_en: 'Buying a car' },
  { id: 'home-purchase', name_ru: 'Покупка жилья', name_en: 'Buying a home' },
  { id: 'travel-abroad', name_ru: 'Поездка за границу', name_en: 'Travelling abroad' },
  { id: 'job-loss', name_ru: 'Потеря работы', name_en: 'Losing a job' },
  { id: 'marriage', name_ru: 'Вступление в брак', name_en: 'Getting married' },
  { id: 'coming-of-age', name_ru: 'Получение паспорта в 14 лет', name_en: 'Turning 14: the first passport' },
]

const FORM = ['application', 'documents', 'confirmation']
const PAID = ['application', 'documents', 'payment', 'confirmation']
const BOOKED = ['application', 'documents', 'appointment', 'confirmation']

const s = (
  id: string,
  name_ru: string,
  name_en: string,
  agency: string,
  life_situations: string[],
  steps: string[],
  volume: number,
  minutes: number,
  business = 0.04,
): DemoService => ({ id, name_ru, name_en, agency, life_situations, steps, volume, minutes, business })

export const DEMO_SERVICES: DemoService[] = [
  s('passport-rf', 'Замена паспорта гражданина РФ', 'Internal passport replacement', 'mvd', ['coming-of-age', 'marriage'], BOOKED, 38, 9),
  s('foreign-passport', 'Оформление заграничного паспорта', 'Foreign travel passport', 'mvd', ['travel-abroad'], ['application', 'documents', 'photo', 'payment', 'confirmation'], 40, 12),
  s('registration-residence', 'Регистрация по месту жительства', 'Registration at the place of residence', 'mvd', ['moving', 'home-purchase'], FORM, 36, 7),
  s('vehicle-registration', 'Регистрация транспортного средства', 'Vehicle registration', 'mvd', ['car-purchase'], PAID, 64, 10, 0.2),
  s('driving-licence', 'Замена водительского удостоверения', 'Driving licence replacement', 'mvd', ['car-purchase'], PAID, 30, 8),
  s('criminal-record', 'Справка о наличии (отсутствии) судимости', 'Criminal record certificate', 'mvd', ['job-loss'], FORM, 26, 5),
  s('tax-deduction', 'Имущественный налоговый вычет', 'Property tax deduction', 'fns', ['home-purchase'], ['application', 'documents', 'bank-details', 'confirmation'], 34, 14),
  s('ip-registration', 'Регистрация индивидуального предпринимателя', 'Sole proprietor registration', 'fns', ['business-start'], PAID, 28, 11, 0.85),
  s('llc-registration', 'Регистрация юридического лица', 'Company registration', 'fns', ['business-start'], ['application', 'founders', 'charter', 'payment', 'confirmation'], 34, 18, 0.9),
  s('self-employed', 'Регистрация самозанятого', 'Self-employed registration', 'fns', ['business-start', 'job-loss'], FORM, 30, 4, 0.3),
  s('tax-debt', 'Проверка налоговой задолженности', 'Tax debt check', 'fns', [], ['search', 'results'], 40, 2, 0.25),
  s('inn-certificate', 'Получение ИНН физического лица', 'Taxpayer number for individuals', 'fns', ['coming-of-age'], FORM, 22, 5),
  s('pension-assignment', 'Назначение страховой пенсии по старости', 'Old-age pension', 'sfr', ['retirement'], ['application', 'work-history', 'documents', 'bank-details', 'confirmation'], 36, 16),
  s('maternity-capital', 'Материнский капитал', 'Maternity capital', 'sfr', ['birth-of-child'], FORM, 30, 8),
  s('child-allowance', 'Единое пособие на детей', 'Unified child allowance', 'sfr', ['birth-of-child'], ['application', 'family', 'income', 'confirmation'], 80, 13),
  s('pension-statement', 'Выписка из индивидуального лицевого счёта', 'Pension account statement', 'sfr', ['retirement'], ['request', 'results'], 26, 2),
  s('snils', 'Оформление СНИЛС', 'Personal insurance number (SNILS)', 'sfr', ['birth-of-child'], FORM, 22, 5),
  s('property-registration', 'Регистрация права собственности', 'Property title registration', 'rosreestr', ['home-purchase'], PAID, 28, 15, 0.2),
  s('egrn-extract', 'Выписка из ЕГРН', 'Property register extract', 'rosreestr', ['home-purchase', 'moving'], ['search', 'payment', 'results'], 38, 6, 0.3),
  s('cadastral-registration', 'Кадастровый учёт недвижимости', 'Cadastral registration', 'rosreestr', ['home-purchase'], PAID, 30, 15, 0.3),
  s('mortgage-registration', 'Регистрация ипотеки', 'Mortgage registration', 'rosreestr', ['home-purchase'], PAID, 26, 12),
  s('birth-registration', 'Государственная регистрация рождения', 'Birth registration', 'mfc-tver', ['birth-of-child'], BOOKED, 26, 7),
  s('marriage-registration', 'Государственная регистрация брака', 'Marriage registration', 'mfc-tver', ['marriage'], BOOKED, 24, 8),
  s('kindergarten-queue', 'Постановка в очередь в детский сад', 'Kindergarten waiting list', 'mfc-tver', ['birth-of-child', 'moving'], FORM, 32, 7),
  s('school-enrolment', 'Запись в первый класс', 'First-grade school enrolment', 'mfc-tver', ['moving'], FORM, 26, 6),
  s('parking-permit', 'Резидентное парковочное разрешение', 'Resident parking permit', 'mfc-tver', ['car-purchase', 'moving'], PAID, 34, 6, 0.22),
  s('social-card', 'Социальная карта жителя', 'Resident social card', 'mfc-tver', ['retirement'], FORM, 22, 6),
  s('business-grant', 'Субсидия субъектам малого предпринимательства', 'Small business grant', 'mfc-tver', ['business-start'], ['application', 'business-plan', 'documents', 'confirmation'], 20, 25, 0.95),
  s('unemployment-registration', 'Регистрация в качестве безработного', 'Unemployment registration', 'mfc-tver', ['job-loss'], BOOKED, 24, 10),
  s('hunting-licence', 'Выдача охотничьего билета', 'Hunting licence', 'mfc-tver', [], FORM, 0.4, 6),
]
