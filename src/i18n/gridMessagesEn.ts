// The grid area's words in English (see gridMessages.ts); loaded with the other English words.
import type { gridZh } from './gridMessages'

export const gridEn: Record<keyof typeof gridZh, string> = {
  'grid.assessingRows': 'Checking… {done} / {total}',
  'grid.countPending': 'Still checking: this number will change',
  'grid.insertAboveWord': 'Row above',
  'grid.insertBelowWord': 'Row below',
  'grid.insertSectionWord': 'Section',
  'grid.duplicateRowsWord': 'Duplicate',
  'grid.deleteRowsWord': 'Delete',
}
