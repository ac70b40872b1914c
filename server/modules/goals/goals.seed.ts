import type { Db } from '../../db/client.js';
import { demoIndicatorIds } from '../analytics/analytics.seed.js';
import * as repo from './goals.repo.js';

/** A demo goal: measured by Sotkanet indicators for a party, pursued through demo needs (and their actions). */
interface DemoGoal {
  title: string;
  description: string;
  owner: string;
  body: string;
  needs: string[];
  measures: {
    code: string;
    party: string;
    baselineYear: number;
    baselineValue: number | null;
    targetYear: number;
    targetValue: number;
  }[];
}

/** Targets set for the demo so that the dashboard shows a goal under way, one reached and one behind. */
const DEMO_GOALS: DemoGoal[] = [
  {
    title: 'Työikäisten toimeentulotuen tarve vähenee',
    description: 'Työllisyyspalvelut, kuntoutus ja kuntouttava työtoiminta toimivat yhtenä polkuna. (Demo-tavoite.)',
    owner: '179',
    body: 'employment',
    needs: ['Työllisyyspalvelujen ja kuntoutuksen yhteensovitus'],
    measures: [{ code: '5', party: '15', baselineYear: 2020, baselineValue: null, targetYear: 2027, targetValue: 6 }],
  },
  {
    title: 'Iäkkäät asuvat kotona turvallisesti',
    description: 'Kotihoito ja esteetön asuminen vähentävät sairaalahoidon tarvetta. (Demo-tavoite.)',
    owner: '15',
    body: 'forum',
    needs: ['Ikääntyneiden esteetön asuminen ja kotihoito'],
    measures: [{ code: '6', party: '15', baselineYear: 2021, baselineValue: 2215.2, targetYear: 2027, targetValue: 1800 }],
  },
  {
    title: 'Nuorten mielenterveyspalvelut saa ajoissa',
    description: 'Matalan kynnyksen palvelut vähentävät raskaampaa hoitoa. (Demo-tavoite.)',
    owner: '15',
    body: 'pupil',
    needs: ['Nuorten mielenterveyden matalan kynnyksen palvelut'],
    measures: [{ code: '4', party: '15', baselineYear: 2021, baselineValue: null, targetYear: 2028, targetValue: 3 }],
  },
];

/** Gives the strategic cooperation agreement a few goals with measures and links (demo region only). */
export async function seedDemoGoals(
  tx: Db,
  partyId: (code: string) => string,
  bodyId: (key: string) => string | undefined,
  needIds: Map<string, string>,
): Promise<void> {
  const codes = [...new Set(DEMO_GOALS.flatMap((g) => g.measures.map((m) => m.code)))];
  const linkedNeeds = DEMO_GOALS.flatMap((g) => g.needs.map((n) => needIds.get(n))).filter((id): id is string => id != null);
  const { agreement, actions } = await repo.demoFacts(tx, 'STRATEGIC_COOPERATION', linkedNeeds);
  const indicatorByCode = await demoIndicatorIds(tx, codes);
  if (!agreement) return;
  for (const [i, demo] of DEMO_GOALS.entries()) {
    const goal = await repo.goalRows.insert(tx, {
      agreementId: agreement.id,
      title: demo.title,
      description: demo.description,
      ownerPartyId: partyId(demo.owner),
      ownerBodyId: bodyId(demo.body) ?? null,
      sortOrder: i + 1,
    });
    const needs = demo.needs.map((n) => needIds.get(n)).filter((id): id is string => id != null);
    await repo.setGoalNeeds(tx, goal.id, needs);
    await repo.setGoalActions(
      tx,
      goal.id,
      actions.filter((a) => needs.includes(a.needId)).map((a) => a.id),
    );
    for (const m of demo.measures) {
      const indicatorId = indicatorByCode.get(m.code);
      if (!indicatorId) continue;
      await repo.measureRows.insert(tx, {
        goalId: goal.id,
        indicatorId,
        partyId: partyId(m.party),
        baselineYear: m.baselineYear,
        baselineValue: m.baselineValue,
        targetYear: m.targetYear,
        targetValue: m.targetValue,
        note: 'Demo-mittari.',
      });
    }
  }
}
