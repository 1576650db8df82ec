// @ringside/pbx/fake: an in-memory PbxPort for unit tests of server logic.
export { FakePbx, type FakeChannel, type RecordedCommand } from './fake-pbx.ts';
