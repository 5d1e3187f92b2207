// The import Web Worker's entry: parsing a large workbook here keeps the page responsive.
import { handleWorkerRequest } from './read/workerHandler'
import type { WorkerRequest, WorkerResponse } from './read/protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  if (event.data?.type !== 'read') return
  void handleWorkerRequest(event.data, (message: WorkerResponse) => scope.postMessage(message))
}
