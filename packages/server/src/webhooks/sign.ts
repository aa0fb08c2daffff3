/** The signature a receiver checks: HMAC-SHA256 of the raw body with the webhook's secret. */
import { createHmac } from 'node:crypto'

export const signature = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
