// Provisioning of agent phones: the narrow second port next to PbxPort. The server creates, updates and
// deletes an agent's WebRTC endpoint; how the PBX stores it (Asterisk: ARI dynamic config into AstDB)
// stays behind this interface.

export interface AgentEndpointSpec {
  /** The endpoint / aor / auth id, e.g. agent-<userId>; also the SIP username. */
  id: string;
  password: string;
  /** Caller name shown on the agent's own outgoing calls. */
  displayName?: string;
}

export interface PbxProvisioning {
  /** Creates or replaces the endpoint, its auth and its aor. Idempotent. */
  upsertAgentEndpoint(spec: AgentEndpointSpec): Promise<void>;
  /** Removes the endpoint, auth and aor; missing objects are not an error. */
  deleteAgentEndpoint(id: string): Promise<void>;
}
