import path from 'node:path';
import { startChild, type Child } from './proc.js';
import { graphql } from './clients/http.js';
import { subscribeGraphqlWs } from './clients/socket.js';
import { NEED_SUBSCRIPTION, type FanoutTarget } from './rows/fanout.js';
import { yhteispeliEditors } from './coedit/yhteispeli.js';
import type { CoeditAdapter } from './coedit/adapter.js';

const root = path.resolve(import.meta.dirname, '..');
const PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';

/** Our server as a child process with the demo region, its sign-ins and a need to change. */
export interface Ours {
  child: Child;
  url: string;
  /** An analyst's read-only API token (analytics rows). */
  apiToken: string;
  /** An analyst's session (subscribers). */
  analystSession: string;
  /** Sessions of people who edit (co-editing) — the first is the secretariat's. */
  editorSessions: string[];
  adminUserId: string;
  needId: string;
  fanout: FanoutTarget;
  coeditors(): Promise<CoeditAdapter>;
}

export async function startOurs(env: Record<string, string>): Promise<Ours> {
  const child = await startChild({
    name: 'Yhteispeli',
    // BENCH_PROFILE_DIR=<dir> writes a CPU profile of our server (node --cpu-prof) when it stops.
    args: [
      ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []),
      '--import',
      'tsx',
      path.join(root, 'bench/server.ts'),
    ],
    cwd: root,
    env: { NODE_ENV: 'production', PORT: '0', SEED: 'demo', LOG_LEVEL: 'warn', SKIP_CLIENT_BUILD: '1', ...env },
    timeoutMs: 300_000,
  });
  const url = child.url;
  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
    graphql(`${url}/graphql`, query, variables, token);
  const login = async (who: string) =>
    (
      await gql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: `${who}@demo.local`,
        p: PASSWORD,
      })
    ).login.token as string;
  const analystSession = await login('analyst');
  const apiToken = (await gql('mutation { createApiToken(name: "bench", scopes: [READ]) { token } }', {}, analystSession))
    .createApiToken.token as string;
  const editorSessions: string[] = [];
  for (const who of ['admin', 'jyvaskyla', 'hyvinvointialue', 'laukaa']) editorSessions.push(await login(who));
  const admin = editorSessions[0]!;
  const adminUserId = (await gql('{ me { id } }', {}, admin)).me.id as string;
  const need = (await gql('{ serviceNeeds(first: 1) { edges { node { id version } } } }', {}, admin)).serviceNeeds.edges[0].node;
  let version = need.version as number;

  const fanout: FanoutTarget = {
    child,
    open: (_i, onTitle) =>
      subscribeGraphqlWs({
        url: url.replace(/^http/, 'ws') + '/graphql',
        token: analystSession,
        query: NEED_SUBSCRIPTION,
        variables: { id: need.id },
        onData: (data) => onTitle(data.serviceNeedChanged.need.title),
      }),
    async publish(title) {
      const data = await gql(
        'mutation ($id: ID!, $v: Int!, $t: String!) { updateServiceNeed(id: $id, expectedVersion: $v, input: { title: $t }) { version } }',
        { id: need.id, v: version, t: title },
        admin,
      );
      version = data.updateServiceNeed.version;
    },
  };

  return {
    child,
    url,
    apiToken,
    analystSession,
    editorSessions,
    adminUserId,
    needId: need.id,
    fanout,
    async coeditors() {
      const { id } = await child.request<{ id: string }>('document', { userId: adminUserId });
      return yhteispeliEditors({ url, tokens: editorSessions, documentId: id });
    },
  };
}
