/** What the Electron preload exposes (electron/preload/index.ts). Absent in the browser host. */
interface FleetBridge {
  call: Record<string, (request: unknown) => Promise<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

interface Window {
  fleet?: FleetBridge;
}
