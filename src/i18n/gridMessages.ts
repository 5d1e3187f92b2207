// The grid area's words: the row tools, the status bar while a long list is assessed, the grid's own notices.

export const gridZh = {
  'grid.assessingRows': '正在判断… {done} / {total}',
  'grid.countPending': '判断未完成，数字会变',
  'grid.insertAboveWord': '上插一行',
  'grid.insertBelowWord': '下插一行',
  'grid.insertSectionWord': '分组行',
  'grid.duplicateRowsWord': '复制行',
  'grid.deleteRowsWord': '删除行',
} as const
