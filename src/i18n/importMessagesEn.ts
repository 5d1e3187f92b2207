// The import area's refusal words in English (see importMessages.ts); loaded with the other English words.
import type { importZh } from './importMessages'

export const importEn: Record<keyof typeof importZh, string> = {
  'importError.not-a-spreadsheet': 'This file is not a spreadsheet. Choose an Excel (.xlsx/.xls), WPS (.et), ODS, CSV or text table file.',
  'importError.namedFile': 'This file is {what}, not a spreadsheet.',
  'importError.what.pdf': 'a PDF file',
  'importError.what.image': 'an image',
  'importError.what.rar': 'a RAR archive',
  'importError.what.7z': 'a 7z archive',
  'importError.what.gzip': 'a gzip archive',
  'importError.what.word': 'a Word document',
  'importError.what.powerpoint': 'a presentation',
  'importError.what.zip': 'a plain zip archive',
  'importError.what.markup': 'a web page or XML file without a table',
  'importError.what.web-content': 'web content without a table',
  'importError.corrupt': 'The file is damaged or incomplete (perhaps not fully downloaded or copied). Download it again, or open it in Excel/WPS and save it as .xlsx, then import.',
  'importError.encrypted': 'The file is password-protected (encrypted) and cannot be read. Open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import again.',
  'importError.empty': 'The file is empty: there is nothing to import.',
  'importError.no-header': 'No header row was found (such as 序号/工作事项/进度安排/进展情况). Please choose the header row.',
  'importError.too-large': 'The file is larger than {maxFileMb} MB, too large to import in the browser. Delete unrelated sheets or pictures, save, and import again.',
  'importError.zip-bomb': 'The file would unpack to more than {maxUnpackedMb} MB or is compressed abnormally (over {ratio}:1); it may be malicious and was not read.',
  'importError.unsupported': 'This spreadsheet format is not supported. Open it in Excel or WPS, save it as .xlsx, and import again.',
  'importError.too-many-cells': 'Sheet “{sheet}” has {found} cells ({rows} rows × {columns} columns), more than the {maxCells} that can be imported. Delete far-away unused cells or split the table, then import.',
  'importError.too-many-columns': 'Sheet “{sheet}” uses column {found} ({where}), beyond the {maxColumns} columns that can be imported. Delete the far-right content, then import.',
  'importError.too-many-rows': 'Sheet “{sheet}” has {found} rows, more than the {maxRows} that can be imported. Delete far-away unused rows or split the table, then import.',
  'importError.timeout': 'Reading the file took more than {seconds} seconds and was stopped. The file may be damaged or too complex; open it in Excel/WPS, save it as .xlsx and import again.',
}
