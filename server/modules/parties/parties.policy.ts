import { hasRole, type Actor } from '../../auth/actor.js';

/** Who may do what with parties: everyone signed in reads; the secretariat administers. */
export const partiesPolicy = {
  read: (actor: Actor): boolean => actor.kind === 'user',
  update: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
  addPopulationFigure: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
};
