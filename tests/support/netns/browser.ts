// One headless Debian Chromium per party, each with its own fake-microphone tone (the file is per
// process). Flags from /work/shared/pbx/asterisk-notes.md; a fresh profile per launch.
import { chromium, type Browser } from 'playwright-core';
import { toneWav } from './tones.ts';

export function partyArgs(toneHz: number): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-audio-capture=${toneWav(toneHz)}`,
    '--allow-loopback-in-peer-connection',
    '--disable-features=WebRtcHideLocalIpsWithMdns',
    '--autoplay-policy=no-user-gesture-required',
  ];
}

export function launchParty(toneHz: number): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: partyArgs(toneHz) });
}
