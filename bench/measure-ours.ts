import { startOurs } from './ours.js';
import { attempt, load, progress, sizes, withChild } from './run.js';
import type { Results } from './rows/assemble.js';
import { cpuPerMessage, latency } from './rows/fanout.js';
import { coedit } from './rows/coedit.js';
import { oursFullSync } from './rows/changes.js';
import { OURS, graphqlRate, needsOk, partiesOk, registerAndStatistics } from './rows/http.js';

/** Every row's figure for Yhteispeli, on a fresh database seeded with the large region. */
export function measureOurs(label: string, env: Record<string, string>): Promise<Results['ours']> {
  progress(`${label}: starting Yhteispeli`);
  return withChild(
    () => startOurs(env),
    async (o) => {
      const seeded = await o.child.request<{ ms: number }>('seed', {
        needs: sizes.needs,
        actions: sizes.actions,
        events: sizes.events,
      });
      progress(`${label}: seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
      const s = sizes;
      // Sockets first, on a fresh heap as for the peers: memory freed by earlier rows would be reused and hide their cost.
      const lat = await attempt(
        'Yhteispeli: latency and idle sockets',
        () => latency(o.fanout, s.latencySubscribers, s.latencyMutations, s.latencyPerSecond),
        'fanout',
      );
      const cpu = await attempt(
        'Yhteispeli: CPU per message',
        () => cpuPerMessage(o.fanout, s.fanoutSubscribers, s.fanoutMutations),
        'fanout',
      );
      const parties = partiesOk((d) => d.parties);
      const partiesRate = await attempt(
        'Yhteispeli: parties',
        () => graphqlRate(o.url, OURS.parties, o.apiToken, load, parties),
        'http',
      );
      const needs = needsOk((d) => d.serviceNeeds.edges);
      const needs50Rate = await attempt(
        'Yhteispeli: 50 needs',
        () => graphqlRate(o.url, OURS.needs50, o.apiToken, load, needs),
        'http',
      );
      const rs = await attempt(
        'Yhteispeli: register and statistics',
        () => registerAndStatistics(o.url, o.apiToken, s.runs),
        'http',
      );
      const sync = await attempt('Yhteispeli: changes sync', () => oursFullSync(o.url, o.apiToken), 'changes');
      const co = await attempt(
        'Yhteispeli: co-editing',
        async () => coedit(await o.coeditors(), o.child, s.editors, s.keystrokesPerSecond, s.coeditSeconds),
        'coedit',
      );
      return {
        partiesRate,
        needs50Rate,
        sync,
        cpuPerMessage: cpu,
        latency: lat,
        coedit: co,
        register: typeof rs === 'string' ? rs : rs.register,
        statistics: typeof rs === 'string' ? rs : rs.statistics,
      };
    },
  );
}
