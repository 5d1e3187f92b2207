// Text normalisation shared by every reader of clerk text: full-width forms and traditional characters.

/**
 * Traditional → simplified for the characters that occur in task-list headers, dates,
 * statuses and progress verbs. Not a general converter: a general one would be a large
 * dictionary for no gain, since only these words carry meaning for the rules.
 */
const TRADITIONAL = '單位負責領導進展況狀態時間節點開啟動辦結落實號後滯達與將為來這個們說對應當從過還實體總經濟區縣鄉鎮項設計劃機構務業醫療衛護環資產積極續備註編務變區調檢驗營運價格報購買賣關門戶網絡線電話書寫讀聽見觀認識記錄條級層屬類別樣標準據數據庫統計劃計畫務處辦理則規範權職責義協議會議計團隊組織貫徹執覆蓋維護種養殖產業務區域規劃建築築專業傳統學校醫院圖館廣場綠化態環境氣溫質優惠貸款銀證險貿易運輸鐵橋隧園區開發獎勵補貼獲選舉歲億萬兩個們會這'
const SIMPLIFIED = '单位负责领导进展况状态时间节点开启动办结落实号后滞达与将为来这个们说对应当从过还实体总经济区县乡镇项设计划机构务业医疗卫护环资产积极续备注编务变区调检验营运价格报购买卖关门户网络线电话书写读听见观认识记录条级层属类别样标准据数据库统计划计画务处办理则规范权职责义协议会议计团队组织贯彻执覆盖维护种养殖产业务区域规划建筑筑专业传统学校医院图馆广场绿化态环境气温质优惠贷款银证险贸易运输铁桥隧园区开发奖励补贴获选举岁亿万两个们会这'

const T2S = new Map<string, string>()
{
  const t = Array.from(TRADITIONAL)
  const s = Array.from(SIMPLIFIED)
  for (let i = 0; i < t.length && i < s.length; i++) if (t[i] !== s[i]) T2S.set(t[i]!, s[i]!)
  // Characters of task-list prose (級, 實現, 劃, 項目…): also the pairs Jindu writes (core/script.ts).
  const moreT = Array.from('狀態說臨滯後無時過個項節點應於為務進計劃實際還餘達標們這麼與級會議縣鄉鎮區單責領導報況總預見書設備檢階簽約開驗運營調處審準規範統籌協發現問題場舉辦組織間資額積極億萬門戶網絡線電話聯繫稱號長張測試監緊屆產業質動農貿補貼環衛創頭購銷財稅關養費證專員數據經濟醫療護園續註編變價買賣')
  const moreS = Array.from('状态说临滞后无时过个项节点应于为务进计划实际还余达标们这么与级会议县乡镇区单责领导报况总预见书设备检阶签约开验运营调处审准规范统筹协发现问题场举办组织间资额积极亿万门户网络线电话联系称号长张测试监紧届产业质动农贸补贴环卫创头购销财税关养费证专员数据经济医疗护园续注编变价买卖')
  for (let i = 0; i < moreT.length; i++) if (!T2S.has(moreT[i]!) && moreT[i] !== moreS[i]) T2S.set(moreT[i]!, moreS[i]!)
  // Characters whose simplified form is not in the paired strings above.
  for (const [a, b] of [['於', '于'], ['綜', '综'], ['擬', '拟'], ['長', '长'], ['張', '张'], ['畝', '亩'], ['輛', '辆'], ['預', '预'], ['啓', '启'], ['無', '无'], ['際', '际'], ['佈', '布'], ['屆', '届'], ['試', '试'], ['緊', '紧'], ['測', '测'], ['監', '监'], ['審', '审'], ['評', '评'], ['農', '农'], ['嚴', '严'], ['廠', '厂'], ['級', '级'], ['億', '亿'], ['萬', '万'], ['臺', '台'], ['線', '线'], ['達', '达'], ['與', '与'], ['進', '进'], ['後', '后'], ['滯', '滞'], ['畫', '画'], ['著', '着'], ['與', '与'], ['覽', '览'], ['並', '并'], ['週', '周'], ['歲', '岁'], ['裡', '里'], ['裏', '里'], ['當', '当'], ['處', '处'], ['舉', '举'], ['辦', '办'], ['啟', '启'], ['幹', '干'], ['臺', '台'], ['覈', '核'], ['隻', '只']] as const) T2S.set(a, b)
}

/** Traditional characters read as their simplified forms (rules §5: 滯後 = 滞后). */
export function toSimplified(text: string): string {
  let out = ''
  for (const ch of text) out += T2S.get(ch) ?? ch
  return out
}

/** Full-width ASCII (３月, （１）, ；) read as half-width; the ideographic space as a space. */
export function toHalfWidth(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0)
    else if (code === 0x3000) out += ' '
    else out += ch
  }
  return out
}

/** One normal form for matching words: half-width, simplified, no white space. */
export function normalizeForMatch(text: string): string {
  return toSimplified(toHalfWidth(text)).replace(/\s+/g, '')
}

/**
 * The white space of `\s` and String.prototype.trim (the same set), as a table: the readers
 * test single characters in their scanning loops, where a regex call per character costs far more.
 */
export const SPACE = new Uint8Array(65536)
for (let c = 0; c < 65536; c++) if (/\s/.test(String.fromCharCode(c))) SPACE[c] = 1

/**
 * A lookup table marking `chars` (and every white-space character with `withSpace`): the
 * readers' scans test one character per table read instead of a regex attempt. 64 KiB each,
 * built once at module load.
 */
export function charTable(chars: Iterable<string>, withSpace = false): Uint8Array {
  const table = withSpace ? SPACE.slice() : new Uint8Array(65536)
  for (const ch of chars) table[ch.charCodeAt(0)] = 1
  return table
}

/** Is the text empty or only white space (`!text.trim()`, without making the trimmed copy)? */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (SPACE[text.charCodeAt(i)] === 0) return false
  return true
}

/**
 * One table for both foldings (full-width → half-width, traditional → simplified). Every
 * entry maps one UTF-16 unit to one, so the folded text keeps the original's indexes: a
 * match found in the folded text slices the clerk's own words out of the original.
 */
const FOLD = new Uint16Array(65536)
for (let i = 0; i < 65536; i++) FOLD[i] = i
for (let c = 0xff01; c <= 0xff5e; c++) FOLD[c] = c - 0xfee0
FOLD[0x3000] = 0x20
for (const [a, b] of T2S) FOLD[a.charCodeAt(0)] = b.charCodeAt(0)
// Other circled numbers read as ①…⑳ (the numbering the rules name): ❶ ➀ ➊ (1–10), ⓫ (11–20), ⓵ (1–10).
for (let k = 0; k < 10; k++) {
  for (const first of [0x2776, 0x2780, 0x278a, 0x24f5]) FOLD[first + k] = 0x2460 + k
  FOLD[0x24eb + k] = 0x246a + k
}

/** Half-width and simplified, index-aligned with the input (same length, same positions). */
export function foldText(text: string): string {
  const n = text.length
  let i = 0
  while (i < n && FOLD[text.charCodeAt(i)] === text.charCodeAt(i)) i++
  if (i === n) return text
  const codes = new Array<number>(n)
  for (let j = 0; j < n; j++) codes[j] = FOLD[text.charCodeAt(j)]!
  // A cell-sized text in one call; a long one in chunks, within the engine's argument limit.
  if (n <= 4096) return String.fromCharCode.apply(null, codes)
  let out = ''
  for (let j = 0; j < n; j += 4096) out += String.fromCharCode.apply(null, codes.slice(j, j + 4096))
  return out
}

/**
 * Typed text without the line breaks (and blanks) after its last line: a clerk used to Excel
 * presses Enter to finish a cell, which in the multi-line editor adds empty lines nobody wants.
 */
export function withoutTrailingBreaks(text: string): string {
  return text.replace(/\n\s*$/, '')
}

/** Alt+Enter in a text box (Excel's line-break key, which a textarea ignores): a line break at the caret. */
export function isLineBreakKey(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === 'Enter' && event.altKey && !event.ctrlKey && !event.metaKey
}

const CHINESE_DIGIT: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const CHINESE_POWER: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }

/**
 * A number written in Chinese numerals (`十二` 12, `二十三` 23, `二百零五` 205, `两万` 20000), or
 * NaN for a run that is no number (`二二`, `十x`). The one reader for months (`十月`), list marks
 * (`(十一)`) and counts (`两座`).
 */
export function readChineseNumber(words: string): number {
  let total = 0
  let section = 0
  let digit = -1
  for (const ch of words) {
    const d = CHINESE_DIGIT[ch]
    if (d !== undefined) {
      // Two digits in a row are no number; 零 only holds a place (`二百零五`).
      if (digit > 0 || (digit === 0 && d > 0 && section === 0 && total === 0)) return Number.NaN
      digit = d
      continue
    }
    if (ch === '万') {
      total += (section + Math.max(digit, 0)) * 10_000
      section = 0
      digit = -1
      continue
    }
    const power = CHINESE_POWER[ch]
    if (power === undefined) return Number.NaN
    // `十二`: a power with no digit before it is one of that power.
    section += (digit <= 0 ? 1 : digit) * power
    digit = -1
  }
  return total + section + Math.max(digit, 0)
}

