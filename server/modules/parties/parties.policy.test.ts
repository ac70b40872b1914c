import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '../../auth/actor.js';
import { makeActor } from '../../auth/actor.factory.js';
import { partiesPolicy } from './parties.policy.js';

const user = (roles: UserActor['roles']) => makeActor({ roles });

describe('partiesPolicy', () => {
  it('lets every signed-in user read parties and refuses anonymous callers', () => {
    expect(partiesPolicy.read(user(['ANALYST']))).toBe(true);
    expect(partiesPolicy.read(user([]))).toBe(true);
    expect(partiesPolicy.read(anonymous)).toBe(false);
  });

  it('lets the secretariat update parties and add figures, and refuses representatives and analysts', () => {
    expect(partiesPolicy.update(user(['SECRETARIAT']))).toBe(true);
    expect(partiesPolicy.addPopulationFigure(user(['SECRETARIAT']))).toBe(true);
    expect(partiesPolicy.update(user(['PARTY_REPRESENTATIVE']))).toBe(false);
    expect(partiesPolicy.addPopulationFigure(user(['ANALYST']))).toBe(false);
    expect(partiesPolicy.update(anonymous)).toBe(false);
  });
});
