import { describe, expect, it } from 'vitest';
import { compareRoster, inRosterOrder, ROLE_ORDER } from './meetings.roster.js';

const person = (id: string, name: string, ...roles: string[]) => ({ id, name, roles });

describe('roster order', () => {
  it('puts the chair first, then the vice chair, members, deputies and the rest by role, each role by name', () => {
    const rows = [
      person('1', 'Eero Kuvitelma (demo)', 'SECRETARY'),
      person('2', 'Paula Demonen (demo)', 'MEMBER'),
      person('3', 'Sari Testinen (demo)', 'CHAIR'),
      person('4', 'Aino Demola (demo)', 'MEMBER'),
      person('5', 'Mikko Esimerkki (demo)', 'DEPUTY_MEMBER'),
      person('6', 'Ville Varma', 'VICE_CHAIR'),
      person('7', 'Olli Outo'),
      person('8', 'Anna Asiantuntija', 'EXPERT'),
      person('9', 'Ilkka Seuraaja', 'OBSERVER'),
    ];
    expect(inRosterOrder(rows, (r) => r).map((r) => r.name)).toEqual([
      'Sari Testinen (demo)',
      'Ville Varma',
      'Aino Demola (demo)',
      'Paula Demonen (demo)',
      'Mikko Esimerkki (demo)',
      'Eero Kuvitelma (demo)',
      'Anna Asiantuntija',
      'Ilkka Seuraaja',
      'Olli Outo',
    ]);
    // A sorted copy: the rows given stay as they were.
    expect(rows[0]!.name).toBe('Eero Kuvitelma (demo)');
  });

  it('counts the first of several roles, sorts names the Finnish way and keeps equal names in one order by id', () => {
    expect(compareRoster(person('a', 'Ö', 'MEMBER', 'CHAIR'), person('b', 'A', 'VICE_CHAIR'))).toBeLessThan(0);
    // Finnish collation: å, ä and ö after z, in that order (code points would put Ä before Å).
    const names = ['Öhman', 'Zetterberg', 'Ahonen', 'Äijälä', 'Åberg'];
    expect(inRosterOrder(names, (name) => ({ roles: ['MEMBER'], name, id: name }))).toEqual([
      'Ahonen',
      'Zetterberg',
      'Åberg',
      'Äijälä',
      'Öhman',
    ]);
    const twins = [person('b', 'Sama Nimi', 'MEMBER'), person('a', 'Sama Nimi', 'MEMBER')];
    expect(inRosterOrder(twins, (r) => r).map((r) => r.id)).toEqual(['a', 'b']);
    expect(ROLE_ORDER[0]).toBe('CHAIR');
  });
});
