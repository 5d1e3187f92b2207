// The storage area's words in English (see storageMessages.ts); loaded with the other English words.
import type { storageZh } from './storageMessages'

export const storageEn: Record<keyof typeof storageZh, string> = {
  'storageError.quota': 'Browser storage is full; recent changes were not saved. Export a backup or delete unused drafts, then retry.',
  'storageError.disk': 'The disk is full; recent changes were not saved. Free disk space (delete unused files, empty the recycle bin), then edit again to retry, or export a file first.',
  'storageError.outdated': 'Another tab opened a newer Jindu and upgraded the database. Reload to use the new version; the draft opens with it.',
  'storageError.unavailable': 'Browser storage is unavailable (private mode or disabled); changes will not be kept. Export a file to keep your work.',
  'storageError.blocked': 'Another tab holds an older version of the database; close other Jindu tabs and retry.',
  'storageError.unknown': 'Saving failed; changes may not have been saved.',
  'storageError.detail': '{message} ({detail})',
  'storageError.not-found.draft': 'This draft was not found.',
  'storageError.not-found.snapshot': 'This snapshot was not found.',
  'storageError.newer.draft': 'This draft was saved by a newer Jindu; reload the page to use the new version.',
  'storageError.newer.snapshot': 'This snapshot was saved by a newer Jindu; reload the page to use the new version.',
  'storageError.damaged.draft': 'This draft is damaged and cannot be opened; its raw data has been set aside.',
  'storageError.damaged.snapshot': 'This snapshot is damaged.',
  'storageError.invalid.not-json': 'This is not a Jindu backup (not readable JSON).',
  'storageError.invalid.not-backup': 'This is not a Jindu backup file.',
  'storageError.invalid.bad-version': 'This backup’s version cannot be read.',
  'storageError.invalid.newer': 'This backup was made by a newer Jindu; upgrade to import it.',
}
