// Which list is open: its title above the grid, editable and undoable, and the sample says it is one.
import { test, expect, openApp } from './fixtures'

test('the title shows above the grid, names the export, and an edit is undone', async ({ page }) => {
  await openApp(page)
  const title = page.getByLabel('清单标题')
  await expect(title).toHaveValue('开化县2023年度重点工作清单(一季度政府工作报告重点任务执行落实情况)')
  await expect(page.getByTestId('sample-note')).toContainText('示例清单')

  await title.fill('某县2023年重点工作清单')
  await title.press('Enter')
  await expect(title).toHaveValue('某县2023年重点工作清单')
  await page.getByTestId('export-button').click()
  await expect(page.getByTestId('export-file-name')).toHaveText(/^某县2023年重点工作清单_截至/)
  await page.keyboard.press('Escape')

  await page.getByTestId('undo').click()
  await expect(title).toHaveValue(/^开化县2023年度重点工作清单/)
  await expect(page.getByTestId('save-state')).toHaveText('已保存')
  await page.reload()
  await expect(page.getByLabel('清单标题')).toHaveValue(/^开化县2023年度重点工作清单/)
  await expect(page.getByTestId('sample-note')).toBeVisible()
})

test('Esc in the title box gives back the title as it was', async ({ page }) => {
  await openApp(page)
  const title = page.getByLabel('清单标题')
  await title.fill('打错的标题')
  await title.press('Escape')
  await expect(title).toHaveValue(/^开化县2023年度重点工作清单/)
})
