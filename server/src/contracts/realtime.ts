/** socket.io event maps. Rooms: `user:<id>`, `role:<role>`, `team:<id>`. */
export interface ServerToClientEvents {
  'session:ready': (payload: { userId: string }) => void;
  /** Telephony, to `user:<agentId>` (see contracts/telephony.ts). call:offer always precedes the SIP INVITE. */
  'agent:state': (payload: import('./telephony.ts').AgentStatePayload) => void;
  'call:offer': (payload: import('./telephony.ts').CallOfferPayload) => void;
  'call:update': (payload: import('./telephony.ts').CallUpdatePayload) => void;
  'call:ended': (payload: import('./telephony.ts').CallEndedPayload) => void;
  /** Supervision, to `user:<supervisorId>` (their session) and `user:<agentId>` (indicator, if the tenant allows). */
  'supervision:monitor': (payload: import('./supervision.ts').MonitorPushPayload) => void;
  /** Lead import progress, to `user:<id>` of the user who committed it. */
  'lead-import:progress': (payload: { batchId: string; status: string; totalRows: number; processedRows: number; importedRows: number; updatedRows: number; skippedRows: number; errorRows: number }) => void;
  /** A due activity or service request reminder, to `user:<owner>`. */
  reminder: (payload: import('./activities.ts').ReminderEvent) => void;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientToServerEvents {}
