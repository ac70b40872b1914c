import type { Child } from '../proc.js';
import type { CoeditAdapter, CoeditEditor } from '../coedit/adapter.js';
import { until } from '../clients/socket.js';
import { percentile } from '../table.js';

export interface CoeditResult {
  keystrokes: number;
  /** Keystroke -> other editor samples seen, of keystrokes × (editors - 1). */
  delivered: number;
  expected: number;
  p99: number;
  median: number;
  /** Server process CPU per keystroke, µs. */
  cpuPerKeystroke: number;
}

/**
 * `editors` editors on one document, each typing `perSecond` one-character
 * keystrokes for `seconds` at the end of its own paragraph. A keystroke is the clock range it adds to its
 * editor's client id; another editor has it when a remote transaction moves
 * that client's clock past it (Yjs's before/after state vectors), so the
 * latency is counted without decoding updates. CPU is the server process's
 * from the first keystroke until every editor has every keystroke (or 10 s
 * after the last, whatever comes first).
 */
export async function coedit(
  adapter: CoeditAdapter,
  server: Child,
  editors: number,
  perSecond: number,
  seconds: number,
): Promise<CoeditResult> {
  const opened: CoeditEditor[] = [];
  const connect = () =>
    Promise.race([
      adapter.connect(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('an editor did not sync within 60 s')), 60_000).unref(),
      ),
    ]);
  for (let i = 0; i < editors; i += 10) {
    opened.push(...(await Promise.all(Array.from({ length: Math.min(10, editors - i) }, connect))));
  }
  /** Per client id: keystrokes in clock order, [start clock, time typed]. */
  const typed = new Map<number, [number, number][]>();
  const samples: number[] = [];
  let measuring = false;
  for (const { doc } of opened) {
    /** Per remote client id: index of the next keystroke this editor has not seen. */
    const seen = new Map<number, number>();
    doc.on('afterTransaction', (tr) => {
      if (!measuring) return;
      const now = performance.now();
      if (tr.local) {
        const from = tr.beforeState.get(doc.clientID) ?? 0;
        if ((tr.afterState.get(doc.clientID) ?? 0) > from) {
          if (!typed.has(doc.clientID)) typed.set(doc.clientID, []);
          typed.get(doc.clientID)!.push([from, now]);
        }
        return;
      }
      for (const [client, after] of tr.afterState) {
        if (client === doc.clientID || after <= (tr.beforeState.get(client) ?? 0)) continue;
        const list = typed.get(client);
        if (!list) continue;
        let i = seen.get(client) ?? 0;
        while (i < list.length && list[i]![0] < after) samples.push(now - list[i++]![1]);
        seen.set(client, i);
      }
    });
  }

  let keystrokes = 0;
  const cpuBefore = server.cpuMicros();
  measuring = true;
  const interval = 1000 / perSecond;
  await Promise.all(
    opened.map(async ({ text }, e) => {
      // Editors start spread over one interval, as people do.
      await new Promise((r) => setTimeout(r, (interval * e) / opened.length));
      const end = performance.now() + seconds * 1000;
      let next = performance.now();
      while (next < end) {
        text.insert(text.length, String.fromCharCode(97 + (keystrokes % 26)));
        keystrokes++;
        next += interval;
        await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
      }
    }),
  );
  const expected = keystrokes * (opened.length - 1);
  await until(() => samples.length >= expected, 10_000, 'every keystroke at every editor').catch(() => {});
  const cpu = server.cpuMicros() - cpuBefore;
  measuring = false;
  await Promise.all(opened.map((e) => e.close()));
  await adapter.close?.();
  return {
    keystrokes,
    delivered: samples.length,
    expected,
    p99: percentile(samples, 0.99),
    median: percentile(samples, 0.5),
    cpuPerKeystroke: cpu / keystrokes,
  };
}
