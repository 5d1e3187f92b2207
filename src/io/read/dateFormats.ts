// The built-in date formats as Excel shows them on a zh-CN machine, where every clerk's list was made.

/**
 * Built-in number format 14 (and 22, and the East Asian date ids SheetJS maps to them) is drawn
 * by Excel in the machine's locale: `2023/12/31` in China. SheetJS draws it the en-US way
 * (`12/31/23`), which a clerk does not recognise and the schedule rules cannot read as a date.
 * Both readers (SheetJS and the fast .xlsx path) pass their format code through here.
 */
const ZH_CN: ReadonlyMap<string, string> = new Map([['m/d/yy', 'yyyy/m/d'], ['m/d/yy h:mm', 'yyyy/m/d h:mm']])

/** The code to format a cell with: the zh-CN form of the locale-dependent built-in dates, else `code`. */
export function zhCnDateCode(code: string): string {
  return ZH_CN.get(code) ?? code
}
