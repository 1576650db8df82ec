// Proof of audio, measured in the page: WebAudio AnalyserNode levels of the softphone's remote stream at
// given frequencies, and the peer connection's RTP packet counts (getStats). The functions passed to
// page.evaluate run in the browser, so they are self-contained.
import type { Page } from 'playwright-core';

export interface ToneLevels {
  /** dB level of the strongest bin near each requested frequency. */
  levels: Record<string, number>;
  /** The frequency of the loudest bin overall (Hz). */
  peakHz: number;
  /** Median bin level (dB): the noise floor to compare against. */
  floorDb: number;
}

export interface PacketCounts {
  packetsSent: number;
  packetsReceived: number;
}

/** Listens to the softphone's <audio> element stream for `ms` and reports levels at `freqs`. */
export function measureTones(page: Page, freqs: number[], ms = 1200): Promise<ToneLevels> {
  return page.evaluate(
    async ({ freqs, ms }) => {
      const el = document.querySelector<HTMLAudioElement>('[data-testid="softphone-audio"]');
      const stream = el?.srcObject;
      if (!(stream instanceof MediaStream)) throw new Error('no remote stream on the softphone audio element');
      const ctx = new AudioContext();
      await ctx.resume();
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 8192;
      analyser.smoothingTimeConstant = 0.5;
      ctx.createMediaStreamSource(stream).connect(analyser);
      const bins = new Float32Array(analyser.frequencyBinCount);
      const sum = new Float32Array(analyser.frequencyBinCount).fill(-200);
      const until = performance.now() + ms;
      while (performance.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        analyser.getFloatFrequencyData(bins);
        for (let i = 0; i < bins.length; i++) sum[i] = Math.max(sum[i]!, bins[i]!);
      }
      const hzPerBin = ctx.sampleRate / analyser.fftSize;
      const levels: Record<string, number> = {};
      for (const f of freqs) {
        const c = Math.round(f / hzPerBin);
        let best = -200;
        for (let i = c - 3; i <= c + 3; i++) best = Math.max(best, sum[i] ?? -200);
        levels[String(f)] = best;
      }
      let peak = 0;
      for (let i = 1; i < sum.length; i++) if (sum[i]! > sum[peak]!) peak = i;
      const sorted = [...sum].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
      await ctx.close();
      return { levels, peakHz: peak * hzPerBin, floorDb: sorted[Math.floor(sorted.length / 2)] ?? -200 };
    },
    { freqs, ms },
  );
}

/** RTP packet counters of the softphone's peer connection (window.__ringsideMediaStats, a test hook). */
export function packetCounts(page: Page): Promise<PacketCounts> {
  return page.evaluate(async () => {
    const fn = (window as unknown as { __ringsideMediaStats?: () => Promise<PacketCounts> }).__ringsideMediaStats;
    if (!fn) throw new Error('window.__ringsideMediaStats is missing');
    return fn();
  });
}
