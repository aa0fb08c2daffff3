/** The strings of one language. A new language is one file beside this one, named by its tag (`de.ts`). */
export interface Strings {
  /** The language tag of these strings, set as `lang` on the widget. */
  lang: string
  title: string
  close: string
  next: string
  send: string
  skip: string
  /** Shown when "next" is pressed with no answer chosen. */
  required: string
  /** The question, then the labels of 1..5. */
  csat: [string, string, string, string, string, string]
  /**
   * The question, then the labels of 1..7: 1 is the easiest, 7 the most
   * difficult, as the server reads CES (a higher mean is worse).
   */
  ces: [string, string, string, string, string, string, string, string]
  /** The question, then what 0 and 10 mean. */
  nps: [string, string, string]
  /** What 1 and 5 mean on a criterion's scale. */
  rating: string
  /** Labels of the known criteria; other criteria show their identifier. */
  criteria: Record<string, string>
  /** Lead of the optional step after the main answer. */
  more: string
  comment: string
  commentHint: string
  thanks: string
  tab: string
}
