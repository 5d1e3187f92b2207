// Small text helpers the editors share.
import { describe, expect, it } from 'vitest'
import { isLineBreakKey, toSimplified, withoutTrailingBreaks } from '../../src/core/text'
import { toTraditional } from '../../src/core/script'

describe('withoutTrailingBreaks', () => {
  it('drops line breaks and blanks after the last line only', () => {
    expect(withoutTrailingBreaks('OK\n\n')).toBe('OK')
    expect(withoutTrailingBreaks('①已完成。\n②正在推进。\n \n')).toBe('①已完成。\n②正在推进。')
    expect(withoutTrailingBreaks('a\n b')).toBe('a\n b')
    expect(withoutTrailingBreaks('trailing spaces  ')).toBe('trailing spaces  ')
    expect(withoutTrailingBreaks('\n')).toBe('')
  })
})

describe('isLineBreakKey', () => {
  it('is Alt+Enter alone', () => {
    const key = (k: Partial<KeyboardEvent>) => isLineBreakKey({ key: 'Enter', altKey: false, ctrlKey: false, metaKey: false, ...k })
    expect(key({ altKey: true })).toBe(true)
    expect(key({})).toBe(false)
    expect(key({ altKey: true, ctrlKey: true })).toBe(false)
    expect(key({ key: 'a', altKey: true })).toBe(false)
  })
})

describe('traditional characters of returned copies', () => {
  it('綜 reads as 综, and Jindu writes 综 back as 綜 (a 綜合體 task is the same task)', () => {
    expect(toSimplified('啓動新安綜合體建設')).toBe('启动新安综合体建设')
    expect(toTraditional('综合')).toBe('綜合')
    expect(toSimplified(toTraditional('综合'))).toBe('综合')
  })
})
