// @ringside/pbx/fake: an in-memory PbxPort for unit tests of server logic.
export { FakePbx } from './fake-pbx.ts';
export type { FakeChannel, RecordedCommand } from './model.ts';
