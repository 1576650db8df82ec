// @ringside/pbx: the PBX port (types only, no vendor code) and its Asterisk implementation.
export * from './port/index.ts';
export {
  createAsteriskAdapter,
  type AsteriskAdapter,
  type AsteriskAdapterOptions,
} from './asterisk/index.ts';
/** Validates a DialTarget address (an admin-configured phone) in the PBX's syntax, before it is stored. */
export { isDialAddress, isNumberAddressTemplate } from './asterisk/dial-target.ts';
export type { BackoffOptions } from './asterisk/backoff.ts';
export type { AgentEndpointSpec, PbxProvisioning } from './port/provisioning.ts';
export { createAsteriskProvisioning, type AsteriskProvisioningOptions } from './asterisk/provisioning.ts';
