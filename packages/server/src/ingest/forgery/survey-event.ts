/** The fields of a survey event the rules look at. */
export interface SurveyEvent {
  id: string
  type: 'survey_shown' | 'survey_response'
  session: string
  service: string
  metric: string
  /** Client time, epoch ms: only compared with other events of the same client. */
  ts: number
}
