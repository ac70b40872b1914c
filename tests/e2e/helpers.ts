import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

/** The demo accounts' password (contract default). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';

/** Debian's Chromium; CI installs it (`apt-get install -y chromium`). */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** A running server for one test file. */
export interface E2eServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the whole server in-process on a free port with the demo region in
 * an in-memory database (PostgreSQL when DATABASE_URL is set). It serves the
 * built client, so `npm run build` must have run (test:e2e does it).
 */
export async function startServer(
  options: { dataDir?: string; port?: number; env?: Record<string, string> } = {},
): Promise<E2eServer> {
  if (!existsSync(path.resolve('client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build` first (npm run test:e2e does)');
  }
  const app = await buildApp(
    loadConfig({
      ...process.env,
      ...options.env,
      PORT: String(options.port ?? 0),
      DATA_DIR: options.dataDir ?? 'memory://',
      SEED: 'demo',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    }),
  );
  const { url } = await app.start();
  return { url, stop: () => app.stop() };
}

/** Calls the API as a signed-in demo user (Bearer session token), the way another client would. */
export async function apiAs(baseUrl: string, email: string) {
  const call = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const { login } = await call<{ login: { token: string } }>(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password: DEMO_PASSWORD },
  );
  return <T>(query: string, variables?: Record<string, unknown>) => call<T>(query, variables, login.token);
}

/** A signed-in caller of the API (apiAs). */
export type Api = Awaited<ReturnType<typeof apiAs>>;

/** An account's status as the demo secretariat's API sees it, by e-mail (undefined when there is none). */
export async function accountStatusOn(baseUrl: string, email: string): Promise<string | undefined> {
  const api = await apiAs(baseUrl, 'admin@demo.local');
  const { users } = await api<{ users: { email: string | null; status: string }[] }>('{ users { email status } }');
  return users.find((u) => u.email === email)?.status;
}

/** A new meeting of the municipal assembly (Kuntakokous) made through the API by `api`: its id and its minutes' id. */
export async function assemblyMeeting(
  api: Api,
  title: string,
  startsAt = '2026-12-10T08:00:00Z',
): Promise<{ id: string; minutesId: string }> {
  const { cooperationBodies } = await api<{ cooperationBodies: { id: string; name: string }[] }>(
    '{ cooperationBodies { id name } }',
  );
  const assembly = cooperationBodies.find((b) => b.name === 'Kuntakokous')!;
  const { createMeeting } = await api<{ createMeeting: { id: string; minutes: { id: string } } }>(
    'mutation ($i: CreateMeetingInput!) { createMeeting(input: $i) { id minutes { id } } }',
    { i: { bodyId: assembly.id, title, startsAt } },
  );
  return { id: createMeeting.id, minutesId: createMeeting.minutes.id };
}

/** Moves a meeting through `statuses` in turn (each against the version it has then), as its chair would. */
export async function moveMeeting(api: Api, meetingId: string, ...statuses: string[]): Promise<void> {
  for (const to of statuses) {
    const { meeting } = await api<{ meeting: { version: number } }>('query ($id: ID!) { meeting(id: $id) { version } }', {
      id: meetingId,
    });
    await api(
      'mutation ($id: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $id, expectedVersion: $v, to: $to) { id } }',
      { id: meetingId, v: meeting.version, to },
    );
  }
}

/** A need about the youth of Jyväskylä (code 179) made through the API by `api`, titled `title`, with `more` input; its id. */
export async function makeNeed(api: Api, title: string, more: Record<string, unknown> = {}): Promise<string> {
  const { parties } = await api<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
  const { createServiceNeed } = await api<{ createServiceNeed: { id: string } }>(
    'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
    {
      input: {
        title,
        targetGroups: ['YOUTH'],
        themeCodes: ['YOUTH'],
        municipalityIds: [parties.find((p) => p.code === '179')!.id],
        priority: 'LOW',
        ...more,
      },
    },
  );
  return createServiceNeed.id;
}

/** One browser profile: its own cookies, so two of them are two users. */
export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, and uncaught exceptions. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a fresh profile folder. Playwright refuses
 * --user-data-dir in args, so each browser is a persistent context of its own.
 */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number }; timezoneId?: string } = {},
): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'yp-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1366, height: 900 },
    locale: 'fi-FI',
    // The computer's zone; a test sets another to show that times follow Finland's clock, not the computer's.
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in through the login form (by field ids, so in any UI language), lands on the front page and
 * waits for the live connection; then opens `landing` (the party list unless told otherwise).
 */
export async function login(
  page: Page,
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
  landing = '/parties',
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  // Sign-in lands on the front page, or on the page that sent the visitor to sign in (a test that first
  // opened a page anonymously leaves that in the history state of /login).
  await page.waitForURL((url) => url.pathname !== '/login');
  if (new URL(page.url()).pathname !== landing) await page.goto(`${baseUrl}${landing}`);
  if (landing === '/') await page.locator('[data-testid="home-meetings"]').waitFor();
  await waitForLiveConnection(page);
}

/** Waits until the header says the WebSocket is connected, so later events are not missed. */
export async function waitForLiveConnection(page: Page): Promise<void> {
  await page.locator('[data-connection="connected"]').waitFor();
}

/**
 * Saves a screenshot as `dir/name` when `dir` is set (an environment variable naming a folder, for looking
 * at the pages by eye); without it nothing happens, and the test runs the same either way.
 */
export async function screenshotTo(
  dir: string | undefined,
  target: Page | Locator,
  name: string,
  options: { fullPage?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<void> {
  if (!dir) return;
  if (options.viewport && 'setViewportSize' in target) await target.setViewportSize(options.viewport);
  const path = `${dir}/${name}`;
  await ('setViewportSize' in target ? target.screenshot({ path, fullPage: options.fullPage }) : target.screenshot({ path }));
}

/**
 * The controls of `role` named `name` on the page as Chromium's accessibility tree has them (what a screen reader is
 * told): each one's accessible name and description ('' for none).
 */
export async function accessibleNodes(page: Page, role: string, name: string): Promise<{ name: string; description: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document' });
    const { nodes } = await cdp.send('Accessibility.queryAXTree', { objectId: result.objectId, role, accessibleName: name });
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({ name: String(n.name?.value ?? ''), description: String(n.description?.value ?? '') }));
  } finally {
    await cdp.detach();
  }
}

/** Text with no-break and narrow no-break spaces (Finnish digit grouping) made plain. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/**
 * Chooses in one of the design system's Dropdowns (SelectField in client/src/components), in place of
 * page.selectOption on a native select: `field` is its button (by test id or label), the option is taken
 * by its value (the items are `#<id>-<value>`) or by its text.
 */
export async function choose(page: Page, field: Locator, option: { value: string } | { label: string | RegExp }): Promise<void> {
  await field.click();
  const list = page.locator(`[id="${await field.getAttribute('aria-controls')}"]`);
  await list.waitFor();
  const item =
    'value' in option
      ? list.locator(`[id="${(await field.getAttribute('id'))!.replace(/_button$/, '')}-${option.value}"]`)
      : list.getByRole('option', { name: option.label, exact: typeof option.label === 'string' });
  await item.click();
  await list.waitFor({ state: 'detached' });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One axe violation, trimmed to what a failure message needs. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the current page (WCAG 2.0/2.1 A and AA and best practices)
 * and returns the serious and critical violations; the tests expect none.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * The usual frame of an e2e file: one server for the file and every browser its tests open, all
 * closed after the file; `signedIn` opens a new browser signed in as `email` on `landing`. `env` is
 * configuration for this file's server alone: e2e files share one process (isolate: false), so a file
 * must never set process.env for its server (the files after it would inherit it).
 */
export function e2eSuite(options: { env?: Record<string, string> } = {}) {
  let server: E2eServer | undefined;
  const browsers: Browser[] = [];
  beforeAll(async () => {
    server = await startServer({ env: options.env });
  });
  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await server?.stop();
  });
  const suite = {
    get server(): E2eServer {
      if (!server) throw new Error('the e2e server is not running (used outside a test?)');
      return server;
    },
    browsers,
    async signedIn(
      email: string,
      options: { viewport?: { width: number; height: number }; landing?: string; timezoneId?: string } = {},
    ): Promise<Page> {
      const browser = await launchBrowser({
        ...(options.viewport ? { viewport: options.viewport } : {}),
        ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      });
      browsers.push(browser);
      await login(browser.page, suite.server.url, email, DEMO_PASSWORD, options.landing);
      return browser.page;
    },
  };
  return suite;
}

/** The texts of a design-system Dropdown's options (SelectField): opens it, reads them, closes it. */
export async function optionsOf(page: Page, button: Locator): Promise<string[]> {
  await button.click();
  const list = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
  await list.waitFor();
  const texts = await list.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'detached' });
  return texts.map((t) => t.trim());
}

/**
 * What has the keyboard focus: its id, data-action, data-transition, data-testid, role and tag, the e-mail of the
 * people page's account card it is in, and whether it is an inline question (InlineConfirm).
 */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? 'none',
      id: el?.id ?? '',
      action: el?.getAttribute('data-action') ?? '',
      transition: el?.getAttribute('data-transition') ?? '',
      testId: el?.getAttribute('data-testid') ?? '',
      role: el?.getAttribute('role') ?? '',
      card: el?.closest('[data-testid="account"]')?.getAttribute('data-email') ?? '',
      question: el?.hasAttribute('data-confirm-question') ?? false,
    };
  });

/** The GraphQL operations named `operation` the page sends from now on (their bodies), as they are sent. */
export function sentOperations(page: Page, operation: string): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    if (body.includes(`"operationName":"${operation}"`)) sent.push(body);
  });
  return sent;
}

/**
 * An element's lines as shown: the characters inside its box (a separator clipped off its left edge is not seen),
 * in document order, a new line where the middle drops by more than half a line.
 */
export function shownLines(subtitle: Locator): Promise<string[]> {
  return subtitle.evaluate((p) => {
    const box = p.getBoundingClientRect();
    const chars: { top: number; ch: string }[] = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent ?? '';
      for (let i = 0; i < t.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const rect = r.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        if (rect.right <= box.left + 0.5 || rect.left >= box.right - 0.5) continue;
        chars.push({ top: rect.top + rect.height / 2, ch: t[i]! });
      }
    }
    const out: string[] = [];
    let lineTop = Number.NEGATIVE_INFINITY;
    for (const c of chars) {
      if (c.top - lineTop > 12) {
        out.push('');
        lineTop = c.top;
      }
      out[out.length - 1] += c.ch;
    }
    return out.map((l) => l.trim()).filter((l) => l !== '');
  });
}
