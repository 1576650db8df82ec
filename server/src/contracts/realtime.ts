/** socket.io event maps. Rooms: `user:<id>`, `role:<role>`, `team:<id>`. */
export interface ServerToClientEvents {
  'session:ready': (payload: { userId: string }) => void;
  /** Lead import progress, to `user:<id>` of the user who committed it. */
  'lead-import:progress': (payload: { batchId: string; status: string; totalRows: number; processedRows: number; importedRows: number; updatedRows: number; skippedRows: number; errorRows: number }) => void;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientToServerEvents {}
