/** socket.io event maps. Rooms: `user:<id>`, `role:<role>`, `team:<id>`. */
export interface ServerToClientEvents {
  'session:ready': (payload: { userId: string }) => void;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientToServerEvents {}
