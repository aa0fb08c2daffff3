/**
 * Version 4 UUIDs for event, session and journey ids, from getRandomValues
 * (`crypto.randomUUID` exists only in secure contexts), called once per id:
 * each call costs the page more than all the rest of the id.
 */
export const uuid = (): string => {
  // One byte for each of the 31 random digits below.
  const bytes = crypto.getRandomValues(new Uint8Array(31))
  let i = 0
  return `${1e7}-${1e3}-${4e3}-${8e3}-${1e11}`.replace(/[018]/g, (c) => (+c ^ (bytes[i++]! & (15 >> (+c / 4)))).toString(16))
}
