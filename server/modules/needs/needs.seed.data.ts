/**
 * Demo needs of the Central Finland region, drawn from the domain note's
 * examples. Everything here is invented for demonstration (`demo` is set and
 * the summaries say so); figures are plausible, not real.
 */
import { DEMO_NEEDS_FIRST } from './needs.seed.data.first.js';
import { DEMO_NEEDS_REST } from './needs.seed.data.rest.js';
import type { DemoNeed } from './needs.seed.model.js';

export type { DemoNeed } from './needs.seed.model.js';

/** All demo needs; the order is the seeding order (and so the order of ids and history). */
export const DEMO_NEEDS: DemoNeed[] = [...DEMO_NEEDS_FIRST, ...DEMO_NEEDS_REST];
