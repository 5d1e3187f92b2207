// The fuzz corpus: seeds (real fixtures and generated tables) and hostile variants of them, reproducible from a seed.
import { readFileSync } from 'node:fs'
import { strToU8, unzipSync, zipSync } from 'fflate'

const enc = (s) => new TextEncoder().encode(s)

/** Deterministic randomness (mulberry32), so every case can be rebuilt from its number. */
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HEADER = ['序号', '工作事项', '进度安排', '进展情况', '责任单位']
const ROW = (i) => [String(i), `任务${i}`, '①2月上旬前，完成设计招标。②3月底前，开工。', '已完成招标', '发改局']

function xml(s) { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;') }

/** A minimal .xlsx with inline strings; `extra` adds raw cells XML to the last row, `dimension` overrides the ref. */
export function xlsx(rows, { extraRows = '', dimension = null } = {}) {
  const body = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${i + 1}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`).join('')}</row>`).join('') + extraRows
  const dim = dimension ? `<dimension ref="${dimension}"/>` : ''
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dim}<sheetData>${body}</sheetData></worksheet>`),
  })
}

/** A minimal .ods; `rowsXml` replaces the generated rows. */
export function ods(rows, rowsXml = null) {
  const body = rowsXml ?? rows.map((r) => `<table:table-row>${r.map((v) => `<table:table-cell office:value-type="string"><text:p>${xml(v)}</text:p></table:table-cell>`).join('')}</table:table-row>`).join('')
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'),
    'content.xml': strToU8(`<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="清单">${body}</table:table></office:spreadsheet></office:body></office:document-content>`),
  })
}

const table = (n) => [HEADER, ...Array.from({ length: n }, (_, i) => ROW(i + 1))]
const csv = (rows) => rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n')
const html = (rows, attrs = '') => `<table>${rows.map((r) => `<tr>${r.map((v) => `<td${attrs}>${xml(v)}</td>`).join('')}</tr>`).join('')}</table>`

/** Bytes flipped inside the deflate data of the largest entry (the sheet), as a damaged download has them. */
function corruptDeflate(bytes) {
  const out = bytes.slice()
  const mid = Math.floor(out.length * 0.6)
  for (let i = 0; i < 16; i++) out[mid + i * 37] ^= 0x5a
  return out
}

/** The hostile inputs named in issue 18, each with the answer it must give quickly. */
export function attacks() {
  const spanCells = Array.from({ length: 100 }, (_, i) => `<td rowspan="1000" colspan="200">${i}</td>`)
  return [
    { name: 'html-huge-spans', ext: 'html', bytes: enc(`<table><tr><td>序号</td><td>工作事项</td></tr>${Array.from({ length: 10 }, (_, r) => `<tr>${spanCells.slice(r * 10, r * 10 + 10).join('')}</tr>`).join('')}</table>`) },
    { name: 'xlsx-far-cell', ext: 'xlsx', bytes: xlsx(table(3), { extraRows: '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>', dimension: 'A1:XFD1048576' }) },
    { name: 'ods-repeats', ext: 'ods', bytes: ods(null, `<table:table-row><table:table-cell office:value-type="string"><text:p>序号</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>工作事项</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="10000"><table:table-cell table:number-columns-repeated="1024" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>`) },
    { name: 'html-unclosed-comments', ext: 'html', bytes: enc(`<table><tr><td>序号</td><td>工作事项</td></tr><tr><td>1</td><td>${'<!--'.repeat(100000)}</td></tr></table>`) },
    { name: 'html-unclosed-scripts', ext: 'html', bytes: enc(`<table><tr><td>序号</td><td>工作事项</td></tr><tr><td>1</td><td>${'<script>'.repeat(100000)}</td></tr></table>`) },
    { name: 'html-unclosed-styles', ext: 'html', bytes: enc(`<table><tr><td>序号</td><td>工作事项</td></tr><tr><td>1</td><td>${'<style x="'.repeat(50000)}</td></tr></table>`) },
    { name: 'html-deep-nesting', ext: 'html', bytes: enc(`<table><tr><td>序号</td><td>工作事项</td></tr><tr><td>1</td><td>${'<table><tr><td>'.repeat(20000)}x</td></tr></table>`) },
    { name: 'xml-entity-bomb', ext: 'xml', bytes: enc(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table><Row><Cell><Data ss:Type="String">&lol4;</Data></Cell></Row></Table></Worksheet></Workbook>`) },
    { name: 'spreadsheetml-far-index', ext: 'xml', bytes: enc(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table><Row><Cell><Data ss:Type="String">序号</Data></Cell><Cell><Data ss:Type="String">工作事项</Data></Cell></Row><Row ss:Index="1048576"><Cell ss:Index="16384" ss:MergeAcross="100" ss:MergeDown="100"><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet></Workbook>`) },
    { name: 'csv-wide', ext: 'csv', bytes: enc(`序号,工作事项\r\n${','.repeat(500000)}x\r\n`) },
    { name: 'csv-unclosed-quote', ext: 'csv', bytes: enc(`序号,工作事项\r\n1,"${'a,b\r\n'.repeat(100000)}`) },
    { name: 'xlsx-corrupt-deflate', ext: 'xlsx', bytes: corruptDeflate(xlsx(table(3000))) },
    { name: 'html-wide-colspans', ext: 'html', bytes: enc(`<table><tr><td>序号</td><td>工作事项</td></tr><tr>${'<td colspan="200">x</td>'.repeat(5000)}</tr></table>`) },
  ]
}

function seeds() {
  const out = [
    { ext: 'xlsx', bytes: new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1.xlsx')) },
    { ext: 'xlsx', bytes: new Uint8Array(readFileSync('test/fixtures/tunxi-2020-plan.xlsx')) },
    { ext: 'xls', bytes: new Uint8Array(readFileSync('test/fixtures/linan-2023-h1.xls')) },
    { ext: 'csv', bytes: new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1-gb18030.csv')) },
    { ext: 'csv', bytes: new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1-utf8bom.csv')) },
    { ext: 'xlsx', bytes: xlsx(table(20)) },
    { ext: 'ods', bytes: ods(table(20)) },
    { ext: 'csv', bytes: enc(csv(table(20))) },
    { ext: 'html', bytes: enc(`<p>2023年一季度重点工作</p>${html(table(20))}`) },
  ]
  return out
}

const MUTATORS = {
  flip(bytes, r) {
    const out = bytes.slice()
    const n = 1 + Math.floor(r() * 16)
    for (let i = 0; i < n; i++) out[Math.floor(r() * out.length)] ^= 1 << Math.floor(r() * 8)
    return out
  },
  truncate(bytes, r) { return bytes.slice(0, Math.floor(r() * bytes.length)) },
  splice(bytes, r) {
    const at = Math.floor(r() * bytes.length)
    const len = Math.floor(r() * 256)
    const junk = Uint8Array.from({ length: len }, () => Math.floor(r() * 256))
    const out = new Uint8Array(bytes.length + len)
    out.set(bytes.subarray(0, at)); out.set(junk, at); out.set(bytes.subarray(at), at + len)
    return out
  },
  zipEntries(bytes, r) {
    let files
    try { files = unzipSync(bytes) } catch { return MUTATORS.flip(bytes, r) }
    const names = Object.keys(files)
    const name = names[Math.floor(r() * names.length)]
    const mode = Math.floor(r() * 4)
    if (mode === 0) delete files[name]
    else if (mode === 1) files[name] = MUTATORS.flip(files[name], r)
    else if (mode === 2) files[name] = MUTATORS.truncate(files[name], r)
    else files[`${name.replace(/\.xml$/, '')}${Math.floor(r() * 9)}.xml`] = files[name]
    return zipSync(files)
  },
  zipXml(bytes, r) {
    // Rewrites XML inside the zip the way an attacker would: huge repeats, far refs, entity declarations.
    let files
    try { files = unzipSync(bytes) } catch { return MUTATORS.splice(bytes, r) }
    const names = Object.keys(files).filter((n) => n.endsWith('.xml'))
    if (!names.length) return bytes
    const name = names[Math.floor(r() * names.length)]
    let text = new TextDecoder().decode(files[name])
    const big = String(Math.floor(r() * 2 ** (10 + Math.floor(r() * 20))))
    const edits = [
      () => text.replace(/ r="([A-Z]+)(\d+)"/, ` r="XFD${1 + Math.floor(r() * 1048576)}"`),
      () => text.replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:XFD1048576"'),
      () => text.replace(/<table:table-cell/, `<table:table-cell table:number-columns-repeated="${big}"`),
      () => text.replace(/<table:table-row/, `<table:table-row table:number-rows-repeated="${big}"`),
      () => text.replace(/<\?xml[^>]*\?>/, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'),
      () => text.replace(/<mergeCells[^>]*>/, '<mergeCells><mergeCell ref="A1:XFD1048576"/>'),
      () => text.replace(/>([^<]{1,40})</, `>${'<b>'.repeat(5000)}$1<`),
    ]
    text = edits[Math.floor(r() * edits.length)]()
    files[name] = strToU8(text)
    return zipSync(files)
  },
  text(bytes, r) {
    // Text-level attacks: spans, repeats of markup, invalid encodings.
    const s = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
    const edits = [
      () => enc(s.replace(/<td/g, () => `<td rowspan="${Math.floor(r() * 5000)}" colspan="${Math.floor(r() * 5000)}"`)),
      () => enc(s.replace('<td>', `<td>${'<!--'.repeat(Math.floor(r() * 50000))}`)),
      () => enc(s.replace('<td>', `<td>${'<script>'.repeat(Math.floor(r() * 50000))}`)),
      () => { const out = bytes.slice(); for (let i = 0; i < 64; i++) out[Math.floor(r() * out.length)] = 0x80 | Math.floor(r() * 0x40); return out },
      () => enc(s + ','.repeat(Math.floor(r() * 200000))),
      () => enc(s.replace(/\n/g, () => '\n'.repeat(1 + Math.floor(r() * 50)))),
      () => enc(`"${s}`),
    ]
    return edits[Math.floor(r() * edits.length)]()
  },
}

const ZIP_MUTATORS = ['flip', 'truncate', 'splice', 'zipEntries', 'zipXml', 'zipXml']
const TEXT_MUTATORS = ['flip', 'truncate', 'splice', 'text', 'text']

/** Case `i` of the corpus: the named attacks first, then mutated seeds. Same `i`, same bytes. */
export function* corpus(count, seed = 1) {
  const named = attacks()
  const base = seeds()
  for (let i = 0; i < count; i++) {
    if (i < named.length) { yield { id: i, name: named[i].name, ext: named[i].ext, bytes: named[i].bytes }; continue }
    const r = rng(seed * 1_000_003 + i)
    const s = base[Math.floor(r() * base.length)]
    const zipLike = s.ext === 'xlsx' || s.ext === 'ods'
    const list = zipLike ? ZIP_MUTATORS : s.ext === 'xls' ? ['flip', 'truncate', 'splice'] : TEXT_MUTATORS
    const m = list[Math.floor(r() * list.length)]
    let bytes = MUTATORS[m](s.bytes, r)
    if (r() < 0.15) bytes = MUTATORS.flip(bytes, r)
    yield { id: i, name: `${s.ext}-${m}-${i}`, ext: s.ext, bytes }
  }
}
