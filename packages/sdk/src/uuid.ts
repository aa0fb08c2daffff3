/**
 * Version 4 UUIDs for event, session and journey ids, from getRandomValues
 * (`crypto.randomUUID` exists only in secure contexts).
 */
export const uuid = (): string =>
  `${1e7}-${1e3}-${4e3}-${8e3}-${1e11}`.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
  )
