// Column roles from header texts (rules §1): simplified, traditional, decorated, two-row headers.
import { describe, expect, it } from 'vitest'
import { detectRole } from '../../src/core/roles'

describe('detectRole', () => {
  it.each([
    ['序号', 'seq'], ['编号', 'seq'], ['序', 'seq'], ['NO.', 'seq'],
    ['工作事项', 'task'], ['重点工作', 'task'], ['年度目标任务', 'task'], ['工作任务', 'task'], ['主要任务', 'task'],
    ['任务内容', 'task'], ['目标任务', 'task'], ['年度目标', 'task'],
    ['进度安排', 'schedule'], ['时间节点', 'schedule'], ['节点安排', 'schedule'], ['工作进度安排', 'schedule'], ['计划进度', 'schedule'],
    ['完成时限', 'deadline'], ['完成时间', 'deadline'], ['时限要求', 'deadline'], ['办结时限', 'deadline'],
    ['进展情况', 'progress'], ['完成情况说明', 'progress'], ['推进情况', 'progress'], ['工作进展', 'progress'], ['落实情况', 'progress'],
    ['完成情况', 'status'], ['进度状态', 'status'], ['推进状态', 'status'], ['是否完成', 'status'],
    ['责任单位', 'owner'], ['牵头单位', 'owner'], ['责任部门', 'owner'], ['牵头部门', 'owner'], ['配合单位', 'owner'],
    ['牵头责任领导', 'lead'], ['责任领导', 'lead'], ['分管领导', 'lead'],
    ['备注', 'note'],
    // Headers from other counties' lists, added later.
    ['完成情况及下步打算', 'progress'], ['完成情况和存在问题', 'progress'], ['完成进度', 'progress'], ['目前进展', 'progress'],
    ['是否按期完成', 'status'], ['完成状态', 'status'], ['责任人', 'lead'], ['责任科室', 'owner'],
    ['具体工作', 'task'], ['主要内容', 'task'], ['建设内容', 'task'], ['计划完成时间', 'deadline'],
    ['工作要点', 'task'], ['工作举措', 'task'], ['主要措施', 'task'], ['具体措施', 'task'], ['指标名称', 'task'],
    ['当前进度', 'progress'], ['目前进度', 'progress'], ['时间要求', 'deadline'], ['完成时限要求', 'deadline'],
    ['进度要求', 'schedule'], ['节点要求', 'schedule'], ['完成率', 'status'], ['实施主体', 'owner'],
    ['推进情况（截至6月底）', 'progress'], ['分管县领导', 'lead'],
    ['推进计划', 'schedule'], ['工作推进计划', 'schedule'], ['推进安排', 'schedule'], ['实施步骤', 'schedule'], ['实施计划', 'schedule'],
    ['工作步骤', 'schedule'], ['节点计划', 'schedule'], ['时间进度', 'schedule'], ['工作推进', 'progress'],
    ['下一步工作计划', 'note'], ['下步推进计划', 'note'], ['存在问题', 'note'], ['存在问题及下步打算', 'note'], ['进展情况及存在问题', 'progress'],
    ['形象进度', 'progress'], ['工程形象进度', 'progress'],
  ] as const)('%s → %s', (header, role) => {
    expect(detectRole(header)).toBe(role)
  })

  it('reads traditional characters as simplified', () => {
    expect(detectRole('進展情況')).toBe('progress')
    expect(detectRole('責任單位')).toBe('owner')
    expect(detectRole('進度狀態')).toBe('status')
    expect(detectRole('完成時限')).toBe('deadline')
    expect(detectRole('備註')).toBe('note')
    expect(detectRole('責任領導')).toBe('lead')
  })

  it('ignores spaces, line breaks, full-width forms and bracketed units', () => {
    expect(detectRole(' 序  号 ')).toBe('seq')
    expect(detectRole('进展\n情况')).toBe('progress')
    expect(detectRole('责任单位（牵头）')).toBe('owner')
    expect(detectRole('完成时限(月)')).toBe('deadline')
    expect(detectRole('进展情况【截至6月底】')).toBe('progress')
    expect(detectRole('完成情况:')).toBe('status')
  })

  it('reads a two-row header from its most specific part', () => {
    expect(detectRole('重点工作要点/年度目标')).toBe('task')
    expect(detectRole('责任分工/牵头责任领导')).toBe('lead')
    expect(detectRole('责任分工/责任单位')).toBe('owner')
    expect(detectRole('2023年/进展情况')).toBe('progress')
  })

  it('gives no role to unknown headers, empty text or long sentences', () => {
    expect(detectRole('')).toBeNull()
    expect(detectRole('金额')).toBeNull()
    expect(detectRole('开化县2023年度重点工作清单(一季度政府工作报告重点任务执行落实情况)')).toBeNull()
    expect(detectRole('一、深化改革创新,高质量加快动能转换')).toBeNull()
  })
})
