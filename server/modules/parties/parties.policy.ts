import { hasRole, type Actor } from '../../auth/actor.js';
import { readableBySignedIn, type ChangeView } from '../../realtime/change-view.js';

/** Who may do what with parties: everyone signed in reads; the secretariat administers. */
export const partiesPolicy = {
  read: (actor: Actor): boolean => actor.kind === 'user',
  update: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
  addPopulationFigure: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
};

/** Parties and people are read by everyone signed in; so are their change events (people's events carry no contact details). */
export const partiesChangeViews: Record<string, ChangeView> = {
  party: readableBySignedIn,
  person: readableBySignedIn,
};
