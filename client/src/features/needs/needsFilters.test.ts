import { describe, expect, it } from 'vitest';
import { isFiltered, readView, toFilter, writeView } from './needsFilters';

describe('the register view in the URL', () => {
  it('round-trips through search parameters and leaves defaults out', () => {
    const view = readView(new URLSearchParams('status=AGREED,IN_PROGRESS&theme=YOUTH&gaps=1&view=board'));
    expect(view).toMatchObject({
      status: ['AGREED', 'IN_PROGRESS'],
      theme: 'YOUTH',
      gaps: true,
      view: 'board',
      sort: 'UPDATED_DESC',
    });
    expect(writeView(view).toString()).toBe('status=AGREED%2CIN_PROGRESS&theme=YOUTH&gaps=1&view=board');
  });

  it('ignores values that are not in the schema', () => {
    expect(readView(new URLSearchParams('status=NOPE&priority=URGENT&sort=x')).status).toEqual([]);
    expect(isFiltered(readView(new URLSearchParams('sort=TITLE_ASC')))).toBe(false);
  });

  it('turns the view into the API filter', () => {
    expect(toFilter(readView(new URLSearchParams('q=koulu&priority=HIGH&party=p1')))).toEqual({
      text: 'koulu',
      priority: ['HIGH'],
      responsiblePartyId: 'p1',
    });
  });
});
