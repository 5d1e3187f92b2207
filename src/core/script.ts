// Which script a document is written in, and the few words the app adds to it in that script:
// a table from Taiwan-style or Hong Kong offices (or a county that writes 繁體 on purpose) gets
// 狀態 and 逾期說明, not 状态 and 逾期说明 beside its own 完成情況.
import { toSimplified } from './text'

export type ChineseScript = 'simplified' | 'traditional'

/**
 * Simplified → traditional for the characters of the words the app writes into a table (state
 * labels, added headers, reasons): not a general converter, which would need a dictionary for
 * the one-to-many cases (发 → 發/髮). Each simplified character here has one traditional form
 * in this vocabulary.
 */
const SIMPLIFIED = '状态说明临滞后无时限常化过个项节点应于为务进度计划实际还剩余逾达标们这么与级会议县乡镇区单位责领导报况总预见书设备检查阶签约开工验收运营调处审批标准规范统筹协调发现问题场举办组织间资金额积极亿万门户网络线电话联系称号长张测试监紧际届'
const TRADITIONAL = '狀態說明臨滯後無時限常化過個項節點應於為務進度計劃實際還剩餘逾達標們這麼與級會議縣鄉鎮區單位責領導報況總預見書設備檢查階簽約開工驗收運營調處審批標準規範統籌協調發現問題場舉辦組織間資金額積極億萬門戶網絡線電話聯繫稱號長張測試監緊際屆'

const S2T = new Map<string, string>()
{
  const s = Array.from(SIMPLIFIED)
  const t = Array.from(TRADITIONAL)
  for (let i = 0; i < s.length && i < t.length; i++) if (s[i] !== t[i]) S2T.set(s[i]!, t[i]!)
}

/** The text in traditional characters, as far as the app's own vocabulary goes. */
export function toTraditional(text: string): string {
  let out = ''
  for (const ch of text) out += S2T.get(ch) ?? ch
  return out
}

/**
 * Traditional when at least two characters of the sample read differently once simplified and
 * they are at least one in twenty of its Chinese characters: one stray 於 in a simplified title
 * does not make the table traditional.
 */
export function detectScript(sample: string): ChineseScript {
  let han = 0
  let traditional = 0
  for (const ch of sample) {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x3400 || code > 0x9fff) continue
    han++
    if (toSimplified(ch) !== ch) traditional++
  }
  return traditional >= 2 && traditional * 20 >= han ? 'traditional' : 'simplified'
}

/** Writes text the app adds to a table in the table's script. */
export function inScript(text: string, script: ChineseScript): string {
  return script === 'traditional' ? toTraditional(text) : text
}
