// The import Web Worker's entry: parsing a large workbook here keeps the page responsive, and the
// sheets' raw grids stay here until the page releases the read (see read/protocol.ts).
import { handleWorkerRequest } from './read/workerHandler'
import type { WorkerRequest, WorkerResponse } from './read/protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const type = event.data?.type
  if (type !== 'read' && type !== 'reinterpret' && type !== 'release') return
  void handleWorkerRequest(event.data, (message: WorkerResponse) => scope.postMessage(message))
}
