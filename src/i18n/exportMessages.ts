// Words of the export area: why an export was refused, and what a file written anyway lost (see src/io/export/types.ts).
export const exportZh = {
  'exportError.unsupported-format': '不支持的导出格式：{format}',
  'exportError.no-visible-columns': '没有可导出的列：所有列都已隐藏。',
  'exportError.no-owner-column': '没有“责任单位”列，无法按单位拆分。请在列设置中把一列设为责任单位。',
  'exportError.no-tasks': '没有可导出的任务。',
  'exportError.csv-one-sheet': 'CSV 只能有一张表，不能按单位分表；请选择“按单位分文件”或其他格式。',
  'exportError.too-big-for-xls': '.xls 最多 {maxRows} 行、{maxColumns} 列，本表超出；请导出为 .xlsx。',
  'exportError.failed': '写入文件时出错（{detail}）',
  'exportError.no-worker': '浏览器无法启动后台导出（Web Worker）。',
  'exportWarning.cells-cut-xls': '.xls 格式中有 {count} 个单元格超过 {limit} 字，已截断（以“…”结尾）；完整内容请导出为 .xlsx。',
  'exportWarning.cells-cut-xlsx': '.xlsx 格式中有 {count} 个单元格超过 Excel 的上限 {limit} 字，已截断（以“…”结尾）；完整内容请导出为 .csv 或 .ods。',
} as const
