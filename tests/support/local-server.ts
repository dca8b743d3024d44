import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LocalServer {
  origin: string
  close(): Promise<void>
}

/** Starts `server` on a free port of 127.0.0.1; `close()` also drops open connections. */
export async function listenLocally(server: Server): Promise<LocalServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
