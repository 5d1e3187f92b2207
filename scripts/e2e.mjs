// `npm run test:e2e`: build, then drive the built app in Debian's Chromium.
import { execSync } from 'node:child_process'
import { ensureNodeModules, ensureSystemPackages } from './setup.mjs'

ensureNodeModules()
ensureSystemPackages()
execSync('npx vite build', { stdio: 'inherit' })
execSync(`npx playwright test ${process.argv.slice(2).join(' ')}`, { stdio: 'inherit' })
