import type { ServerToClientEvents } from '../../../contracts/realtime.ts';

type Payload = Parameters<ServerToClientEvents['lead-import:progress']>[0];
type Publish = (userId: string, payload: Payload) => void;

let publisher: Publish = () => {};

/**
 * Job handlers get no app handle (JobContext is db/log/now), so the leads route plugin binds socket.io
 * here at startup. With the Redis adapter an emit from a worker process reaches the user's sockets anywhere.
 */
export function bindImportProgress(publish: Publish): void {
  publisher = publish;
}

export function publishImportProgress(userId: string | null, payload: Payload): void {
  if (userId) publisher(userId, payload);
}
