// Undo/redo over applied commands: a bounded stack of (command, inverse) steps, one per clerk action.
import type { TaskDocument } from './document'
import {
  applyCommand, commandLabel, isEmptyChanged, isViewCommand,
  type ApplyResult, type Changed, type DocCommand, type Label,
} from './commands'

export interface HistoryStep {
  /** Redo applies this (ids it created already filled in). */
  command: DocCommand
  /** Undo applies this. */
  inverse: DocCommand
  label: Label
}

export interface HistoryMove { doc: TaskDocument; changed: Changed; label: Label }

export const DEFAULT_HISTORY_LIMIT = 200

export class History {
  private done: HistoryStep[] = []
  private undone: HistoryStep[] = []
  readonly limit: number

  constructor(options: { limit?: number } = {}) {
    this.limit = Math.max(1, Math.trunc(options.limit ?? DEFAULT_HISTORY_LIMIT))
  }

  /**
   * Records a command already applied, with its inverse. View-only commands (width, hidden) and
   * commands that changed nothing are not recorded: an undo must always undo something visible.
   */
  push(command: DocCommand, inverse: DocCommand, changed?: Changed): void {
    if (isViewCommand(command) || (changed && isEmptyChanged(changed))) return
    this.done.push({ command, inverse, label: commandLabel(command) })
    if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit)
    this.undone = []
  }

  /** Records several applied commands as one undo step (undone last-first). */
  pushGroup(results: readonly ApplyResult[], label?: Label): void {
    const kept = results.filter((r) => !isEmptyChanged(r.changed))
    if (kept.length === 0) return
    const command: DocCommand = { kind: 'group', commands: kept.map((r) => r.command), ...(label ? { label } : {}) }
    const inverse: DocCommand = { kind: 'group', commands: kept.map((r) => r.inverse).reverse(), ...(label ? { label } : {}) }
    this.push(command, inverse)
  }

  /** Applies a command and records it: what the store calls for every grid intent. */
  apply(doc: TaskDocument, command: DocCommand): ApplyResult {
    const result = applyCommand(doc, command)
    this.push(result.command, result.inverse, result.changed)
    return result
  }

  undo(doc: TaskDocument): HistoryMove | null {
    const step = this.done.pop()
    if (!step) return null
    const result = applyCommand(doc, step.inverse)
    this.undone.push(step)
    return { doc: result.doc, changed: result.changed, label: step.label }
  }

  redo(doc: TaskDocument): HistoryMove | null {
    const step = this.undone.pop()
    if (!step) return null
    const result = applyCommand(doc, step.command)
    // The fresh inverse refers to the rows as they are now, which is what the next undo needs.
    this.done.push({ command: result.command, inverse: result.inverse, label: step.label })
    return { doc: result.doc, changed: result.changed, label: step.label }
  }

  get canUndo(): boolean { return this.done.length > 0 }
  get canRedo(): boolean { return this.undone.length > 0 }
  get undoLabel(): Label | null { return this.done[this.done.length - 1]?.label ?? null }
  get redoLabel(): Label | null { return this.undone[this.undone.length - 1]?.label ?? null }
  get size(): number { return this.done.length }

  /** Forget everything, e.g. when another draft is opened or a file re-imported. */
  clear(): void {
    this.done = []
    this.undone = []
  }
}
