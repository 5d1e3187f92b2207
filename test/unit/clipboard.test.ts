// Clipboard formats: Excel/WPS TSV and HTML tables read and written, and pastes turned into one command.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseBarTable, parseHtmlTable, parsePlainText, parseTsv, pasteCommand, toHtmlTable, toTsv } from '../../src/core/clipboard'
import { applyCommand } from '../../src/core/commands'
import { defaultSettings, type TaskDocument } from '../../src/core/document'

describe('parseTsv', () => {
  it('reads Excel text: \\r\\n rows, the trailing line break, quoted cells with tabs, newlines and quotes', () => {
    const text = '序号\t工作事项\t进度安排\r\n1\t"推进""放管服""改革"\t"①3月底前出台方案;\n②6月底前完成"\r\n2\t\t"a\tb"\r\n'
    expect(parseTsv(text)).toEqual([
      ['序号', '工作事项', '进度安排'],
      ['1', '推进"放管服"改革', '①3月底前出台方案;\n②6月底前完成'],
      ['2', '', 'a\tb'],
    ])
  })

  it('reads one cell, an empty cell, and text without a final line break', () => {
    expect(parseTsv('已完成\r\n')).toEqual([['已完成']])
    expect(parseTsv('\r\n')).toEqual([['']])
    expect(parseTsv('')).toEqual([])
    expect(parseTsv('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']])
    expect(parseTsv('a\t\n')).toEqual([['a', '']])
    expect(parseTsv('a\rb\r')).toEqual([['a'], ['b']])
  })

  it('normalises \\r\\n inside a quoted cell, and keeps quotes that do not quote', () => {
    expect(parseTsv('"x\r\ny"\tz\r\n')).toEqual([['x\ny', 'z']])
    expect(parseTsv('5"屏\t"未闭合\r\n')).toEqual([['5"屏', '"未闭合']])
    expect(parseTsv('"a"b\tc')).toEqual([['ab', 'c']])
  })
})

describe('parsePlainText', () => {
  it('reads a text table with bars as copied from a web page (seed 000)', () => {
    const text = '序号 | 工作事项 | 进度安排 |\n1 | 启动新安综合体建设。 | ①2月上旬前,完成设计招标。 |\n2 | 建设数字乡村平台。 | 年底前完成。 |\n'
    expect(parsePlainText(text)).toEqual([
      ['序号', '工作事项', '进度安排'], ['1', '启动新安综合体建设。', '①2月上旬前,完成设计招标。'], ['2', '建设数字乡村平台。', '年底前完成。'],
    ])
    expect(parseBarTable('| a | b |\n|---|:--:|\n| 1 | 2 |')).toEqual([['a', 'b'], ['1', '2']])
  })

  it('keeps tab-separated text, a single line with a bar, and lines without bars as TSV', () => {
    expect(parsePlainText('a|b\tc\n1|2\t3')).toEqual([['a|b', 'c'], ['1|2', '3']])
    expect(parsePlainText('编号A|B')).toEqual([['编号A|B']])
    expect(parsePlainText('a | b\n没有竖线')).toEqual([['a | b'], ['没有竖线']])
  })
})

describe('toTsv', () => {
  it('writes as Excel does: quotes only when needed, \\r\\n after each row', () => {
    expect(toTsv([['1', '推进"放管服"', 'a\nb', ''], ['2', '\t', '普通', '']])).toBe('1\t"推进""放管服"""\t"a\nb"\t\r\n2\t"\t"\t普通\t\r\n')
  })

  it('round-trips any block: quotes, tabs, newlines, CJK, empty cells', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', '"', '\t', '\n', ' ', '进', '度', '①', '、', '“', '') }),
      fc.string(),
    ).map((s) => s.replace(/\r/g, ''))
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (width, rows) => {
        const grid = rows.map((r) => r.slice(0, width))
        expect(parseTsv(toTsv(grid))).toEqual(grid)
      }),
      { numRuns: 500 },
    )
  })
})

describe('parseHtmlTable', () => {
  it('reads Excel clipboard HTML (CF_HTML header, x: attributes, mso styles, rich text, <br>)', () => {
    const html = `Version:0.9
StartHTML:0000000105
EndHTML:0000002000
StartFragment:0000001500
EndFragment:0000001900
<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<style>
<!--table
	{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}
td
	{padding-top:1px;
	mso-number-format:General;}
.xl65
	{mso-number-format:"\\@";
	white-space:normal;}
br
	{mso-data-placement:same-cell;}
-->
</style>
</head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=472 style='border-collapse:
 collapse;width:354pt'>
<!--StartFragment-->
 <col width=72 style='width:54pt'>
 <col width=200 span=2 style='mso-width-source:userset;mso-width-alt:7314;width:150pt'>
 <tr height=38 style='height:28.5pt'>
  <td height=38 class=xl65 width=72 style='height:28.5pt;width:54pt' x:str="'001">001</td>
  <td class=xl65 width=200 style='width:150pt'>①3月底前出台方案;<br>
    ②6月底前完成</td>
  <td class=xl66 width=200 style='width:150pt'><font class="font5">已完成</font><font
  class="font6">(</font><font class="font5">2023/3/28</font><font class="font6">)</font></td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 class=xl67 align=right style='height:14.25pt' x:num>2</td>
  <td class=xl65>A&amp;B &lt;测试&gt; &quot;引号&quot;</td>
  <td class=xl65></td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 class=xl65 style='height:14.25pt'><span style='mso-spacerun:yes'>&nbsp;&nbsp;</span>缩进</td>
  <td class=xl68 x:num="45016">2023/3/31</td>
  <td class=xl65>&#8220;十四五&#x201D;</td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>`
    expect(parseHtmlTable(html)).toEqual([
      ['001', '①3月底前出台方案;\n②6月底前完成', '已完成(2023/3/28)'],
      ['2', 'A&B <测试> "引号"', ''],
      ['  缩进', '2023/3/31', '“十四五”'],
    ])
  })

  it('reads a government web page table: rowspan copied down, colspan left empty, <p> as lines, &nbsp; cells empty', () => {
    const html = `<div class="TRS_Editor"><p style="text-align:center"><strong>附件</strong></p>
<table border="1" cellspacing="0" style="width:100%;border-collapse:collapse">
<caption>屯溪区2020年重点工作任务分解表</caption>
<tbody>
<tr><td rowspan="2" style="width:40px"><p align="center"><strong>序号</strong></p></td><td rowspan="2"><strong>工作任务</strong></td>
<td colspan="2">推进情况</td><td rowspan="2">责任单位</td></tr>
<tr><td>进度安排</td><td>进展情况</td></tr>
<tr><td colspan="5"><p>一、深化改革创新</p></td></tr>
<tr><td>1</td><td><p>推进国企改革</p>
<p>深化混合所有制改革</p></td><td>3月底前</td><td>&nbsp;</td><td rowspan="2">区发改委<br/>区国资委</td></tr>
<tr><td>2</td><td>优化营商环境<td>年底前<td>已完成</tr>
</tbody></table>
<table><tr><td>不是第一张表</td></tr></table></div>`
    expect(parseHtmlTable(html)).toEqual([
      ['序号', '工作任务', '推进情况', '', '责任单位'],
      ['序号', '工作任务', '进度安排', '进展情况', '责任单位'],
      ['一、深化改革创新', '', '', '', ''],
      ['1', '推进国企改革\n深化混合所有制改革', '3月底前', '', '区发改委\n区国资委'],
      ['2', '优化营商环境', '年底前', '已完成', '区发改委\n区国资委'],
    ])
  })

  it('reads WPS ET clipboard HTML (x:str, et classes, merged title, <br/>, the hidden width row skipped)', () => {
    const html = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40"><head><meta name="ProgId" content="Excel.Sheet"/><meta name="Generator" content="WPS Office ET"/><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Sheet1</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--><style>
.et2{text-align:center;mso-number-format:"\\@";}
.et3{white-space:normal;mso-generic-font-family:auto;mso-font-charset:134;}
</style></head><body><table width="520" border="0" cellpadding="0" cellspacing="0" style='width:390pt;border-collapse:collapse;table-layout:fixed;'>
<col width="60" style='width:45pt;'/><col width="230" span="2" style='width:172pt;'/>
<tr height="27" style='height:20.25pt;'><td class="et1" height="27" width="520" colspan="3" style='height:20.25pt;width:390pt;' x:str>开化县2023年一季度重点工作清单</td></tr>
<tr height="40" style='height:30pt;'><td class="et2" height="40" style='height:30pt;' x:num="1">1</td><td class="et3" x:str>数字化改革<br/>“最多跑一次”</td><td class="et3" x:str>每月10日前报送进展</td></tr>
<![if supportMisalignedColumns]><tr width="0" style='display:none;'><td width="60" style='width:45pt;'></td></tr><![endif]>
</table></body></html>`
    expect(parseHtmlTable(html)).toEqual([
      ['开化县2023年一季度重点工作清单', '', ''],
      ['1', '数字化改革\n“最多跑一次”', '每月10日前报送进展'],
    ])
  })

  it('never throws on broken or table-less HTML, and caps absurd spans', () => {
    expect(parseHtmlTable('<p>没有表格</p>')).toEqual([])
    expect(parseHtmlTable('<table><tr><td>a<td>b')).toEqual([['a', 'b']])
    expect(parseHtmlTable('<table><tr><td rowspan="999999">x</td></tr></table>')).toEqual([['x']])
    expect(parseHtmlTable('<table><tr><td>a < b &unknown; &amp c</td></tr></table>')).toEqual([['a < b &unknown; & c']])
    expect(parseHtmlTable('<table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table></td><td>右</td></tr></table>'))
      .toEqual([['外\n内1 内2', '右']])
  })

  it('reads back what toHtmlTable writes', () => {
    const grid = [['1', 'A&B <c>', '①3月底前\n②6月底前'], ['', '"引号"', '  前导空格']]
    const html = toHtmlTable(grid, ['序号', '工作事项', '进度安排'])
    expect(html).toContain('mso-data-placement:same-cell')
    expect(html).toContain('&lt;c&gt;')
    expect(parseHtmlTable(html)).toEqual([['序号', '工作事项', '进度安排'], ...grid.map((r) => r.map((c) => c.replace(/^ +/, '')))])
  })
})

function pasteDoc(): TaskDocument {
  return {
    schemaVersion: 1, id: 'd', name: 'n', sourceFile: null, sheetName: null, title: null, preamble: [],
    header: { rows: [['序号', '工作事项', '进度安排', '备注']], merges: [] },
    columns: [
      { id: 'seq', header: '序号', role: 'seq' },
      { id: 'task', header: '工作事项', role: 'task' },
      { id: 'sched', header: '进度安排', role: 'schedule', hidden: true },
      { id: 'note', header: '备注', role: 'note' },
    ],
    rows: [
      { id: 'a', kind: 'data', cells: { seq: '1', task: '甲' } },
      { id: 'b', kind: 'data', cells: { seq: '2', task: '乙' } },
      { id: 'c', kind: 'data', cells: { seq: '3', task: '丙' } },
      { id: 'f', kind: 'footer', cells: { seq: '合计' } },
    ],
    settings: defaultSettings(), suggestedAsOf: null, createdAt: 0, updatedAt: 0,
  }
}

describe('pasteCommand', () => {
  const visibleCols = ['seq', 'task', 'note']

  it('pastes across visible columns only, cutting what runs past the last one', () => {
    const doc = pasteDoc()
    const cmd = pasteCommand(doc, [['X', 'Y', 'Z']], { rowId: 'b', colId: 'task' }, visibleCols, ['a', 'b', 'c'])
    const r = applyCommand(doc, cmd)
    expect(r.doc.rows[1]?.cells).toEqual({ seq: '2', task: 'X', note: 'Y' })
    expect(r.doc.rows[1]?.cells).not.toHaveProperty('sched')
    expect(r.changed.rows).toEqual(['b'])
    expect(r.doc.rows[0]).toBe(doc.rows[0])
  })

  it('adds rows after the last visible row when the block runs past it', () => {
    const doc = pasteDoc()
    // The grid filters out row b and the footer.
    const cmd = pasteCommand(doc, [['P'], ['Q'], ['R']], { rowId: 'c', colId: 'task' }, visibleCols, ['a', 'c'])
    expect(cmd.kind).toBe('group')
    const r = applyCommand(doc, cmd)
    expect(r.doc.rows.map((row) => row.cells.task)).toEqual(['甲', '乙', 'P', 'Q', 'R', undefined])
    expect(r.doc.rows[3]?.kind).toBe('data')
    expect(r.doc.rows[5]?.id).toBe('f')
    expect(applyCommand(r.doc, r.inverse).doc).toStrictEqual(doc)
  })

  it('pastes nothing when the focus is not in the view', () => {
    const doc = pasteDoc()
    const cmd = pasteCommand(doc, [['X']], { rowId: 'zz', colId: 'task' }, visibleCols, ['a'])
    expect(applyCommand(doc, cmd).doc).toBe(doc)
  })
})
