// Why an import failed, in words a clerk can act on (zh-CN first, English beside it).

export type ImportErrorCode =
  | 'not-a-spreadsheet' | 'corrupt' | 'encrypted' | 'empty' | 'no-header'
  | 'too-large' | 'zip-bomb' | 'unsupported'

/** Files larger than this are refused before reading: a browser tab would run out of memory. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024
/** A zip whose entries would unpack to more than this is refused unread. */
export const MAX_UNPACKED_BYTES = 500 * 1024 * 1024
/** An entry that unpacks to more than this many times its packed size is a zip bomb. */
export const MAX_ENTRY_RATIO = 200

export const IMPORT_ERROR_TEXT: Record<ImportErrorCode, { zh: string; en: string }> = {
  'not-a-spreadsheet': {
    zh: '这个文件不是表格文件。请选择 Excel（.xlsx/.xls）、WPS（.et）、ODS、CSV 或文本表格文件。',
    en: 'This file is not a spreadsheet. Choose an Excel (.xlsx/.xls), WPS (.et), ODS, CSV or text table file.',
  },
  corrupt: {
    zh: '文件已损坏或不完整（可能没有下载或复制完整）。请重新下载，或在 Excel/WPS 中打开后另存为 .xlsx 再导入。',
    en: 'The file is damaged or incomplete (perhaps not fully downloaded or copied). Download it again, or open it in Excel/WPS and save it as .xlsx, then import.',
  },
  encrypted: {
    zh: '文件设置了打开密码，已加密，无法读取。请在 Excel 或 WPS 中打开文件，取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后保存，再导入。',
    en: 'The file is password-protected (encrypted) and cannot be read. Open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import again.',
  },
  empty: {
    zh: '文件是空的，没有可以导入的内容。',
    en: 'The file is empty: there is nothing to import.',
  },
  'no-header': {
    zh: '没有找到表头行（如“序号、工作事项、进度安排、进展情况”）。请指定哪一行是表头。',
    en: 'No header row was found (such as 序号/工作事项/进度安排/进展情况). Please choose the header row.',
  },
  'too-large': {
    zh: `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，太大，无法在浏览器中导入。请删除无关的工作表或图片后另存，再导入。`,
    en: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, too large to import in the browser. Delete unrelated sheets or pictures, save, and import again.`,
  },
  'zip-bomb': {
    zh: `文件解压后会超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB 或压缩比异常（超过 ${MAX_ENTRY_RATIO}：1），可能是恶意文件，已拒绝读取。`,
    en: `The file would unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB or is compressed abnormally (over ${MAX_ENTRY_RATIO}:1); it may be malicious and was not read.`,
  },
  unsupported: {
    zh: '暂不支持这种表格格式。请在 Excel 或 WPS 中打开后另存为 .xlsx，再导入。',
    en: 'This spreadsheet format is not supported. Open it in Excel or WPS, save it as .xlsx, and import again.',
  },
}

export class ImportError extends Error {
  readonly code: ImportErrorCode
  readonly messageEn: string
  /** Technical detail for the console, never shown as the clerk's message. */
  readonly detail: string | undefined

  constructor(code: ImportErrorCode, detail?: string, text: { zh: string; en: string } = IMPORT_ERROR_TEXT[code]) {
    super(text.zh)
    this.name = 'ImportError'
    this.code = code
    this.messageEn = text.en
    this.detail = detail
  }
}

/** A refusal that names what the file is, when we can tell (a Word document, a PDF…). */
export function notASpreadsheet(what: { zh: string; en: string } | null, detail?: string): ImportError {
  if (!what) return new ImportError('not-a-spreadsheet', detail)
  const base = IMPORT_ERROR_TEXT['not-a-spreadsheet']
  return new ImportError('not-a-spreadsheet', detail, {
    zh: `这个文件是${what.zh},不是表格。${base.zh.replace(/^[^。]*。/, '')}`,
    en: `This file is ${what.en}, not a spreadsheet.${base.en.replace(/^[^.]*\./, '')}`,
  })
}
