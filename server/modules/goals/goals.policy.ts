import { hasRole, type Actor } from '../../auth/actor.js';
import { readableBySignedIn, type ChangeView } from '../../realtime/change-view.js';
import { EVENTS } from '../../realtime/topics.js';

/** Who may do what with an agreement's goals and their measures. */
export const goalsPolicy = {
  /** Everyone signed in reads goals and their progress, as they read agreements. */
  read: (actor: Actor): boolean => actor.kind === 'user',
  /** The secretariat keeps the goals, their measures and links (as it keeps the agreement's text). */
  manage: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
};

/** Goal and measure events are read by everyone signed in, as agreements are. */
export const goalsChangeViews: Record<string, ChangeView> = {
  [EVENTS.goalCreated.entityType]: readableBySignedIn,
  [EVENTS.measureAdded.entityType]: readableBySignedIn,
};
