// The subset of ARI's JSON (Asterisk 22) the adapter reads. Only pbx/src/asterisk sees these shapes.
// Fields are optional where Asterisk omits them in some events, so the mappers must cope.

export interface AriCallerId {
  name?: string;
  number?: string;
}

export interface AriChannel {
  id: string;
  name?: string;
  /** "Down", "Rsrved", "OffHook", "Dialing", "Ring", "Ringing", "Up", "Busy", "Dialing Offhook", "Pre-ring", "Unknown" */
  state?: string;
  caller?: AriCallerId;
  connected?: AriCallerId;
  dialplan?: { context?: string; exten?: string; priority?: number; app_name?: string; app_data?: string };
  language?: string;
  creationtime?: string;
}

export interface AriBridge {
  id: string;
  /** "mixing" or "holding" (what the bridge was created as). */
  bridge_type?: string;
  /** Always "Stasis" for a bridge made over ARI, whichever app made it. */
  creator?: string;
  name?: string;
  channels?: string[];
  creationtime?: string;
}

/** GET /applications/{app}: what is subscribed to the app (kept by Asterisk while no websocket is open). */
export interface AriApplication {
  name: string;
  channel_ids?: string[];
  bridge_ids?: string[];
}

export interface AriPlayback {
  id: string;
  media_uri?: string;
  /** "channel:ID" or "bridge:ID" */
  target_uri?: string;
  /** queued, playing, continuing, done, failed */
  state?: string;
}

export interface AriLiveRecording {
  name: string;
  format?: string;
  target_uri?: string;
  state?: string;
  duration?: number;
  cause?: string;
}

/** An event from /ari/events. `type` selects which of the other fields are present. */
export interface AriEvent {
  type: string;
  timestamp?: string;
  application?: string;
  args?: string[];
  channel?: AriChannel;
  bridge?: AriBridge;
  playback?: AriPlayback;
  recording?: AriLiveRecording;
  digit?: string;
  duration_ms?: number;
  cause?: number;
  cause_txt?: string;
  soft?: boolean;
}
