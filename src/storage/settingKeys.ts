// The keys of the settings store, so every reader and writer spells them alike.
import { normalizeForMatch } from '../core'

export const SETTING_LAST_DRAFT = 'lastDraftId'
export const SETTING_LANGUAGE = 'language'

/**
 * A header row's signature: the same table layout (even with full-width or traditional
 * spellings, or stray spaces) gives the same key, so the roles the clerk chose once are
 * offered again on the next import of that layout.
 */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((h) => normalizeForMatch(h)).join('|')
}

/** Settings key under which the header → role mapping of one layout is remembered. */
export function headerRolesKey(headers: readonly string[]): string {
  return `headerRoles:${headerSignature(headers)}`
}
