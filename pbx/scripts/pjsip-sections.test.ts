import { describe, expect, it } from 'vitest';
import { agentSections, iceHostCandidateLines, mediaAddressLines, trunkSections } from './pjsip-sections.ts';

describe('pjsip sections', () => {
  it('renders an agent as endpoint, aor and auth from the WebRTC templates', () => {
    const out = agentSections([{ id: 'agent-1', password: 'pw' }]);
    expect(out).toContain('[agent-1](ringside-webrtc-endpoint)\naors = agent-1\nauth = agent-1');
    expect(out).toContain('[agent-1](ringside-webrtc-aor)');
    expect(out).toContain('username = agent-1\npassword = pw');
  });
  it('identifies a trunk by ip and port, so WebSocket agents on 127.0.0.1 are not captured', () => {
    const out = trunkSections({ name: 'carrier', host: '127.0.0.1', port: 5070 });
    expect(out).toContain('match = 127.0.0.1:5070');
    expect(out).toContain('contact = sip:127.0.0.1:5070');
    expect(trunkSections(undefined)).toMatch(/^;/);
  });
  it('renders media address and ICE host candidates only when given', () => {
    expect(mediaAddressLines(undefined)).toMatch(/^;/);
    expect(mediaAddressLines('127.0.0.1')).toBe('media_address = 127.0.0.1\nbind_rtp_to_media_address = yes');
    expect(iceHostCandidateLines([])).toBe('; none');
    expect(iceHostCandidateLines([{ local: '10.99.0.1', advertised: '127.0.0.1' }])).toBe('10.99.0.1 => 127.0.0.1');
  });
  it('rejects agent ids that would break the config', () => {
    expect(() => agentSections([{ id: 'a]b', password: 'x' }])).toThrow();
  });
});
