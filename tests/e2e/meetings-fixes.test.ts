import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  launchBrowser,
  login,
  moveMeeting,
  seriousAxeViolations,
  startServer,
  type Browser,
  type E2eServer,
} from './helpers.js';
import { checkAsCheckers, electCheckers, recordEveryonePresent } from './record-helpers.js';

let server: E2eServer;
let admin: Awaited<ReturnType<typeof apiAs>>;
const browsers: Browser[] = [];
let bodyId = '';
let emptyMeetingId = '';
let roomMeetingId = '';

async function createMeeting(title: string): Promise<string> {
  const m = await admin<{ createMeeting: { id: string } }>(
    'mutation ($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
    {
      i: { bodyId, title, startsAt: '2026-12-11T08:00:00Z' },
    },
  );
  return m.createMeeting.id;
}

/** An empty planned meeting, and one in progress with two items: the first under discussion, the second decided. */
beforeAll(async () => {
  server = await startServer();
  admin = await apiAs(server.url, 'admin@demo.local');
  const { cooperationBodies } = await admin<{ cooperationBodies: { id: string; name: string }[] }>(
    '{ cooperationBodies { id name } }',
  );
  bodyId = cooperationBodies.find((b) => b.name === 'Kuntakokous')!.id;
  emptyMeetingId = await createMeeting('Tyhjä kokous');
  roomMeetingId = await createMeeting('Huonekokous');
  const items: { id: string; version: number }[] = [];
  for (const title of ['Kokouksen avaus', 'QA asia tarpeella']) {
    const r = await admin<{ addAgendaItem: { id: string; version: number } }>(
      'mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id version } }',
      { i: { meetingId: roomMeetingId, title, proposal: `${title}: hyväksytään.` } },
    );
    items.push(r.addAgendaItem);
  }
  await moveMeeting(admin, roomMeetingId, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
  // A decision needs the quorum (issue 12): the assembly's members are recorded present.
  await recordEveryonePresent(admin, roomMeetingId);
  await admin('mutation ($m: ID!, $i: ID) { setCurrentAgendaItem(meetingId: $m, itemId: $i) { id } }', {
    m: roomMeetingId,
    i: items[0]!.id,
  });
  await admin(
    'mutation ($id: ID!, $v: Int!) { recordDecision(itemId: $id, expectedVersion: $v, decision: "Hyväksyttiin.", mode: UNANIMOUS) { id } }',
    { id: items[1]!.id, v: items[1]!.version },
  );
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.stop();
});

async function asAdmin(path: string): Promise<Page> {
  const browser = await launchBrowser({ viewport: { width: 1366, height: 768 } });
  browsers.push(browser);
  await login(browser.page, server.url, 'admin@demo.local');
  await browser.page.goto(`${server.url}${path}`);
  return browser.page;
}

const operationOf = (request: Request): string | undefined => {
  if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return undefined;
  try {
    return (JSON.parse(request.postData() ?? '{}') as { operationName?: string }).operationName;
  } catch {
    return undefined;
  }
};

describe('the meeting pages', () => {
  it('does not offer to publish an empty agenda and says why beside the button', async () => {
    const page = await asAdmin(`/meetings/${emptyMeetingId}`);
    const publish = page.locator('[data-transition="AGENDA_PUBLISHED"]');
    await publish.waitFor();
    expect(await publish.isDisabled()).toBe(true);
    const hint = page.getByTestId('transition-hint');
    expect(await hint.textContent()).toMatch(/ei ole asioita/);
    expect(await publish.getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'));
  });

  it('marks a missing start time on the new-meeting form, focuses it and sends no request', async () => {
    const page = await asAdmin('/meetings');
    const creates: (string | null)[] = [];
    page.on('request', (r) => {
      if (operationOf(r) === 'CreateMeeting') creates.push(r.postData());
    });
    await page.locator('input[name="title"]').fill('Kokous ilman aikaa');
    await page.getByRole('button', { name: 'Luo kokous' }).click();
    const startsAt = page.locator('input[name="startsAt"]');
    await page.locator('#new-meeting-startsAt-statusText', { hasText: /\S/ }).waitFor();
    expect(await startsAt.getAttribute('aria-invalid')).toBe('true');
    expect(await startsAt.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('input[name="title"]').getAttribute('aria-invalid')).toBe('false');
    expect(creates).toEqual([]);

    await startsAt.fill('12.12.2026');
    await page.locator('input[name="startsAtTime"]').fill('10.00');
    await page.getByRole('button', { name: 'Luo kokous' }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    expect(creates).toHaveLength(1);
    expect(creates[0]).not.toContain('"startsAt":""');
    // 10.00 on the clock in Finland in December is 08.00 UTC, whatever the browser's own zone (CI runs in UTC).
    expect(creates[0]).toContain('"startsAt":"2026-12-12T08:00:00.000Z"');
    await page.getByText('klo 10.00').first().waitFor();
  });

  it('names the room agenda entries with separated parts and has unique landmarks', async () => {
    const page = await asAdmin(`/meetings/${roomMeetingId}/room`);
    await page.locator('.yp-room-agenda__open').first().waitFor();
    const names = await page.locator('.yp-room-agenda__open').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    // Sections run on across the body's meetings, so only their shape is fixed.
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^\d+ §, Kokouksen avaus, käsittelyssä nyt$/);
    expect(names[1]).toMatch(/^\d+ §, QA asia tarpeella, päätetty$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const landmarkFindings = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string }[] }> } })
        .axe;
      const r = await axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique'] } });
      return r.violations.map((v) => v.id);
    });
    expect(landmarkFindings).toEqual([]);
  });

  it('stops sending cursor updates once the minutes become read-only, and names the return move as a return', async () => {
    const page = await asAdmin(`/meetings/${roomMeetingId}/room`);
    const pushes: string[] = [];
    const forbidden: string[] = [];
    page.on('request', (r) => {
      if (operationOf(r) === 'PushAwareness') pushes.push(new Date().toISOString());
    });
    page.on('response', async (r) => {
      if (operationOf(r.request()) !== 'PushAwareness') return;
      const body = await r.text().catch(() => '');
      if (body.includes('FORBIDDEN')) forbidden.push(body);
    });
    await page.locator('.yp-room__minutes .yp-editor__content').waitFor();
    await page.waitForRequest((r) => operationOf(r) === 'PushAwareness');
    await moveMeeting(admin, roomMeetingId, 'HELD', 'MINUTES_DRAFT');
    // Checked minutes are the elected checkers' act (issue 12): every item decided, two checkers, each checks.
    const { meeting } = await admin<{ meeting: { agenda: { id: string; version: number; decisionMode: string | null }[] } }>(
      'query ($id: ID!) { meeting(id: $id) { agenda { id version decisionMode } } }',
      { id: roomMeetingId },
    );
    for (const item of meeting.agenda.filter((i) => !i.decisionMode))
      await admin(
        'mutation ($id: ID!, $v: Int!) { recordDecision(itemId: $id, expectedVersion: $v, decision: "Hyväksyttiin.", mode: UNANIMOUS) { id } }',
        {
          id: item.id,
          v: item.version,
        },
      );
    // Elected among the voting members present: Jyväskylä's member and the county's chair (the secretary is none).
    const checkers: [string, string] = ['jyvaskyla@demo.local', 'hyvinvointialue@demo.local'];
    await electCheckers(server.url, admin, roomMeetingId, checkers);
    await checkAsCheckers(server.url, roomMeetingId, checkers);
    await page.locator('.yp-badge--minutes_checked').waitFor();
    const before = pushes.length;
    // Awareness renews the local state every 15 s; wait past one renewal. The renewal happens inside the page
    // with no sign outside it when nothing is sent (the point of the test), so this one waits on the clock.
    // eslint-disable-next-line no-restricted-syntax -- nothing to wait on; page.clock would need installing before the room loads.
    await page.waitForTimeout(16_500);
    expect(pushes.length - before).toBe(0);
    expect(forbidden).toEqual([]);
    expect(await page.locator('[data-transition="MINUTES_DRAFT"]').textContent()).toBe('Palauta pöytäkirja viimeisteltäväksi');
  }, 60_000);
});
