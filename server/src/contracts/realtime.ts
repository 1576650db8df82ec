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
  /** A voicemail was left, to `user:<owner>` or every member of the mailbox's queue. */
  'voicemail:new': (payload: import('./voicemail.ts').VoicemailItem) => void;
  /** Live wallboard, to `wallboard:user:<viewerId>` after wallboard:subscribe (contracts/wallboard.ts). */
  'wallboard:update': (payload: import('./wallboard.ts').WallboardUpdate) => void;
  'wallboard:snapshot': (payload: import('./wallboard.ts').WallboardSnapshot) => void;
  /** Dialer live figures of one campaign, to `role:supervisor` and `role:admin` whenever they change (modules/dialer). */
  'campaign:progress': (payload: import('./wallboard.ts').WallboardCampaignTile) => void;
  /** A due activity or service request reminder, to `user:<owner>`. */
  reminder: (payload: import('./activities.ts').ReminderEvent) => void;
}
export interface ClientToServerEvents {
  /** Start the wallboard pushes (supervisors and admins; anyone else gets { ok: false, code: 'RS_FORBIDDEN' }). */
  'wallboard:subscribe': (ack?: (r: { ok: boolean; code?: string }) => void) => void;
}
