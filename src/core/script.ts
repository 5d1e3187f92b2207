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
const SIMPLIFIED = '状态说临滞后无时过个项节点应于为务进计划实际还余达标们这么与级会议县乡镇区单责领导报况总预见书设备检阶签约开验运营调处审准规范统筹协发现问题场举办组织间资额积极亿万门户网络线电话联系称号长张测试监紧届产业质动农贸补贴环卫创头购销财税关养费证专员数据经济医疗护园续注编变价买卖综'
const TRADITIONAL = '狀態說臨滯後無時過個項節點應於為務進計劃實際還餘達標們這麼與級會議縣鄉鎮區單責領導報況總預見書設備檢階簽約開驗運營調處審準規範統籌協發現問題場舉辦組織間資額積極億萬門戶網絡線電話聯繫稱號長張測試監緊屆產業質動農貿補貼環衛創頭購銷財稅關養費證專員數據經濟醫療護園續註編變價買賣綜'

const S2T = new Map<string, string>()
{
  const s = Array.from(SIMPLIFIED)
  const t = Array.from(TRADITIONAL)
  // Only pairs the reading side knows the other way round: a table written in traditional by
  // Jindu must read back as the same words (toSimplified(toTraditional(x)) === x).
  for (let i = 0; i < s.length && i < t.length; i++) if (s[i] !== t[i] && toSimplified(t[i]!) === s[i]) S2T.set(s[i]!, t[i]!)
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
