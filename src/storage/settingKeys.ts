// The keys of the settings store, so every reader and writer spells them alike.
export const SETTING_LAST_DRAFT = 'lastDraftId'
/**
 * The UI language lives in localStorage, not IndexedDB: the first paint must already be in the
 * clerk's language, before the database has opened.
 */
const LANGUAGE_KEY = 'jindu.locale'
/** Open editors' text as the page left, until storage has it (editRescue.ts): localStorage, as it must be written synchronously. */
export const EDITOR_RESCUE_KEY = 'jindu.editorRescue'

export type UiLanguage = 'zh' | 'en'

/** The remembered UI language; zh when none is (or storage is off, as in some private modes). */
export function loadLanguage(store: Pick<Storage, 'getItem'> | null = pageStorage()): UiLanguage {
  try { return store?.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh' } catch { return 'zh' }
}

export function saveLanguage(language: UiLanguage, store: Pick<Storage, 'setItem'> | null = pageStorage()): void {
  try { store?.setItem(LANGUAGE_KEY, language) } catch { /* private mode: the choice lasts this visit */ }
}

/** The page's localStorage, or none where it is unavailable (private modes, blocked storage). */
export function pageStorage(): Storage | null {
  try { return typeof localStorage === 'undefined' ? null : localStorage } catch { return null }
}

