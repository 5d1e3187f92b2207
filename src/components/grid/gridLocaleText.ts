// AG Grid's own texts in the UI's language: its Chinese loaded as a chunk of its own, with a few of our own words.
import { computed, shallowRef } from 'vue'

/** Our own words for a few of AG Grid's texts, read better by a clerk than its translation. */
const ZH_OWN_TEXT: Record<string, string> = { noRowsToShow: '没有行', noMatchingRows: '没有符合筛选条件的行', loadingOoo: '加载中…' }

/**
 * AG Grid's default is English. Its Chinese comes as its own chunk: the grid is created once it is
 * here, in Chinese, since AG Grid reads its texts only when created. Should the chunk fail to
 * load, the grid still comes, with our few texts.
 */
export function useGridLocaleText(locale: () => string) {
  const zhGridText = shallowRef<Record<string, string> | null>(null)
  void import('./gridTextZh').then(
    (m) => { zhGridText.value = { ...m.AG_GRID_TEXT_ZH, ...ZH_OWN_TEXT } },
    () => { zhGridText.value = ZH_OWN_TEXT },
  )
  return {
    localeText: computed(() => (locale() === 'zh' ? zhGridText.value ?? undefined : undefined)),
    ready: computed(() => locale() !== 'zh' || zhGridText.value !== null),
  }
}
