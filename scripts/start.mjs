// `npm start`: install what is missing, build for production, serve the build on localhost.
import { execSync, spawn } from 'node:child_process'
import { ensureNodeModules } from './setup.mjs'

ensureNodeModules()
execSync('npx vite build', { stdio: 'inherit' })
const port = process.env.PORT ?? '4173'
console.log(`\n进度 Jindu: open http://127.0.0.1:${port}/  (a sample task list opens on first visit)\n`)
const server = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort', '--host', '127.0.0.1'], { stdio: 'inherit' })
server.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
