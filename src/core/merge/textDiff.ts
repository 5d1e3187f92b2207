// Where two versions of a cell differ, for marking the difference side by side in the merge view.

/** A text cut in three: what both versions share before and after, and the part that differs. */
export interface TextDiff { before: [string, string, string]; after: [string, string, string] }

/**
 * The shared start and end of two texts and the differing middle of each. A unit usually adds
 * to its progress or rewrites one phrase, so this marks what it wrote without a full diff's
 * cost or its scattered one-character matches in Chinese text.
 */
export function diffText(before: string, after: string): TextDiff {
  const a = [...before]
  const b = [...after]
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  const cut = (chars: string[]): [string, string, string] => [chars.slice(0, start).join(''), chars.slice(start, chars.length - end).join(''), chars.slice(chars.length - end).join('')]
  return { before: cut(a), after: cut(b) }
}
