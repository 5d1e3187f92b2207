// The bench's bundle of the fast .xlsx reader and the SheetJS path beside it (see fastxlsx-read.mjs).
export { readXlsxFast } from '../../src/io/read/fastXlsx'
export { readSpreadsheet } from '../../src/io/read/sheetjs'
