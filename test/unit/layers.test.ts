// The layer rules hold by lint and by a cycle check, not by care: these tests prove both bite.
import { ESLint } from 'eslint'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without type declarations
import { findCycles, importGraph } from '../../scripts/check-cycles.mjs'

const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('lint keeps dependencies flowing one way', () => {
  it.each([
    ['src/stores/example.ts', "import { applyCommand } from '../core/commands'\nexport const x = applyCommand"],
    ['src/stores/example.ts', "import { openDraftDatabase } from '../storage/draftDatabase'\nexport const x = openDraftDatabase"],
    ['src/stores/example.ts', "import { readWorkbook } from '../io/read/readWorkbook'\nexport const x = readWorkbook"],
    ['src/stores/example.ts', "import Grid from '../components/grid/TaskGrid.vue'\nexport const x = Grid"],
    ['src/core/example.ts', "import { readWorkbook } from '../io'\nexport const x = readWorkbook"],
    ['src/core/example.ts', "import { openDraftDatabase } from '../storage'\nexport const x = openDraftDatabase"],
    ['src/core/example.ts', "import { ref } from 'vue'\nexport const x = ref"],
    ['src/io/example.ts', "import { openDraftDatabase } from '../storage'\nexport const x = openDraftDatabase"],
    ['src/storage/example.ts', "import { readWorkbook } from '../io'\nexport const x = readWorkbook"],
    ['src/components/Example.ts', "import { readWorkbook } from '../io'\nexport const x = readWorkbook"],
    ['src/components/Example.ts', "import { openDraftDatabase } from '../storage'\nexport const x = openDraftDatabase"],
    ['src/components/Example.ts', "import { applyCommand } from '../core/commands'\nexport const x = applyCommand"],
    ['src/main.ts', "import { openDraftDatabase } from './storage'\nexport const x = openDraftDatabase"],
    // The words live in src/i18n and the stores compose them: the layers below return codes.
    ['src/io/read/example.ts', "import { importZh } from '../../i18n/importMessages'\nexport const x = importZh"],
    ['src/io/example.ts', "import { formatMessage } from '../i18n/format'\nexport const x = formatMessage"],
    ['src/io/read/example.ts', "import { importErrorTexts } from '../../i18n/importErrorTexts'\nexport const x = importErrorTexts"],
    ['src/io/read/errors.ts', "import { importZh } from '../../i18n/importMessages'\nexport const x = importZh"],
    ['src/core/example.ts', "import { zh } from '../i18n/messages'\nexport const x = zh"],
    ['src/storage/example.ts', "import { zh } from '../i18n/messages'\nexport const x = zh"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([])
  })

  it.each([
    ['src/stores/example.ts', "import { parseSchedule } from '../core'\nexport const x = parseSchedule"],
    ['src/stores/example.ts', "import { DATABASE_NAME } from '../storage'\nexport const x = DATABASE_NAME"],
    ['src/stores/example.ts', "import { ImportError } from '../io'\nexport const x = ImportError"],
    ['src/components/Example.ts', "import type { TaskState } from '../core'\nexport type X = TaskState"],
    ['src/io/example.ts', "import { parseSchedule } from '../core'\nexport const x = parseSchedule"],
    // ImportError's own message (readWorkbook's contract), through the one file allowed.
    ['src/io/read/errors.ts', "import { importErrorTexts } from '../../i18n/importErrorTexts'\nexport const x = importErrorTexts"],
    ['src/stores/example.ts', "import { importErrorText } from '../i18n/importErrorText'\nexport const x = importErrorText"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([])
  })
})

describe('the cycle check', () => {
  it('finds a cycle through two modules, and none in a chain', () => {
    const root = mkdtempSync(join(tmpdir(), 'cycles-'))
    mkdirSync(join(root, 'stores'))
    writeFileSync(join(root, 'stores', 'a.ts'), "import { b } from './b'\nexport const a = b")
    writeFileSync(join(root, 'stores', 'b.ts'), "import type { a } from './a'\nexport const b: typeof a = 1")
    writeFileSync(join(root, 'stores', 'c.ts'), "import {\n  a,\n} from './a'\nexport const c = a")
    const cycles: string[][] = findCycles(importGraph(root))
    expect(cycles).toHaveLength(1)
    expect(cycles[0]!.map((f) => f.split(/[\\/]/).pop())).toEqual(['a.ts', 'b.ts', 'a.ts'])
    writeFileSync(join(root, 'stores', 'b.ts'), 'export const b = 1')
    expect(findCycles(importGraph(root))).toEqual([])
  })
})
