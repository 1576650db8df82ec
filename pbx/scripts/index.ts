// @ringside/pbx/provision: build, configure, start and stop the Asterisk the Ringside server talks to.
// Every function takes explicit options; the server's config module supplies them (never process.env).
export {
  provisionRoot,
  rootIsReady,
  DEFAULT_MIRROR,
  ROOT_PACKAGES,
  type ProvisionRootOptions,
  type ProvisionRootResult,
} from './provision-root.ts';
export { renderConfig, type RenderConfigOptions, type RenderConfigResult, type AriCredentials } from './render-config.ts';
export type { StaticAgent, TrunkOptions, IceHostCandidate } from './pjsip-sections.ts';
export {
  startPbx,
  stopPbx,
  pbxStatus,
  asteriskCli,
  type StartPbxOptions,
  type StartPbxResult,
  type PbxStatus,
} from './lifecycle.ts';
export { waitForAri, type WaitForAriOptions, type AriInfo } from './wait-for-ari.ts';
export { renderPrompts, readManifest, PROMPT_VOICES, type PromptManifest } from './sounds.ts';
export { ROOT_SUITE } from './provision-root.ts';
export { startCarrier, stopCarrier, carrierCli, renderCarrierConfig, FAKE_CARRIER_TRUNK, CARRIER_INSTANCE, CARRIER_SIP_PORT, type CarrierOptions } from './carrier.ts';
