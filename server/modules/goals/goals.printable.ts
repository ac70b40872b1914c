import type { Actor } from '../../auth/actor.js';
import { enumLabel } from '../analytics/analytics.labels.js';
import type { Loaders } from '../loaders.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { GoalReportModel } from './goals.service.js';
import { fill, formatDate, formatNumber, formatShare, REPORT_TEXTS, type ReportLang } from './goals.texts.js';

type Localized = { fi: string; sv?: string | null; en?: string | null };
const pick = (text: Localized, lang: ReportLang) => text[lang] ?? text.fi;

/** The follow-up report as printable text in one language: what the PDF shows. */
export interface PrintableReport {
  lang: ReportLang;
  title: string;
  agreement: string;
  year: number;
  description: string | null;
  owner: string | null;
  progress: string;
  /** One row per measure, the cells in the order of REPORT_TEXTS[lang].cols. */
  measures: string[][];
  actions: string[];
  needs: string[];
  generated: string;
}

/** Words every figure of the report in `lang`; needs and actions only as the actor may see them. */
export async function printableReport(
  report: GoalReportModel,
  lang: ReportLang,
  scope: { actor: Actor; loaders: Loaders; needs: NeedsService },
): Promise<PrintableReport> {
  const t = REPORT_TEXTS[lang];
  const { loaders } = scope;
  const goal = report.goal;
  const num = (v: number | null | undefined) => (v == null ? t.noValue : formatNumber(lang, v));
  const [agreement, ownerParty, ownerBody] = await Promise.all([
    loaders.cooperation.agreementById.load(goal.agreementId),
    goal.ownerPartyId ? loaders.parties.partyById.load(goal.ownerPartyId) : undefined,
    goal.ownerBodyId ? loaders.cooperation.bodyById.load(goal.ownerBodyId) : undefined,
  ]);
  const owner = [ownerParty && pick(ownerParty.names, lang), ownerBody && pick(ownerBody.names, lang)].filter(Boolean).join(', ');
  const p = report.progress;
  const measures = await Promise.all(
    report.measures.map(async (m) => {
      const [indicator, party] = await Promise.all([
        loaders.analytics.indicatorById.load(m.measure.indicatorId),
        loaders.parties.partyById.load(m.measure.partyId),
      ]);
      const unit = indicator?.unit ? ` ${indicator.unit}` : '';
      const current = m.progress.current;
      const change = current && m.previous ? current.value - m.previous.value : null;
      return [
        `${indicator?.name ?? '?'} (${party ? pick(party.names, lang) : '?'})`,
        `${num(m.progress.baseline)}${unit} (${m.measure.baselineYear})`,
        `${num(m.measure.targetValue)}${unit} (${m.measure.targetYear})`,
        current ? `${num(current.value)}${unit} (${current.year})` : t.noValue,
        change == null ? '–' : `${change > 0 ? '+' : ''}${formatNumber(lang, change)}`,
        `${m.progress.share == null ? '–' : formatShare(lang, m.progress.share)} (${t.status[m.progress.status]})`,
        formatShare(lang, m.expectedShare),
      ];
    }),
  );
  const links = await loaders.goals.actionsByGoalId.load(goal.id);
  const actions = await scope.needs.getVisibleActions(
    scope.actor,
    links.map((l) => l.actionId),
    loaders,
  );
  const actionLines = await Promise.all(
    actions.map(async (a) => {
      const party = await loaders.parties.partyById.load(a.ownerPartyId);
      const parts = [
        enumLabel(a.status, lang, 'ActionStatus'),
        party && pick(party.names, lang),
        a.dueDate && fill(t.due, { date: formatDate(lang, a.dueDate) }, lang),
      ];
      return `${a.title} – ${parts.filter(Boolean).join(', ')}`;
    }),
  );
  const needIds = await loaders.goals.needIdsByGoalId.load(goal.id);
  const needs = await scope.needs.getVisible(scope.actor, needIds, loaders);
  return {
    lang,
    title: goal.title,
    agreement: fill(t.agreement, { title: agreement ? pick(agreement.titles, lang) : '' }, lang),
    year: report.year,
    description: goal.description,
    owner: owner ? fill(t.owner, { owner }, lang) : null,
    progress:
      p.share == null
        ? fill(t.progressNone, { status: t.status[p.status] }, lang)
        : fill(
            t.progressLine,
            {
              share: formatShare(lang, p.share),
              status: t.status[p.status],
              measures: p.measures,
              withData: p.measuresWithData,
              reached: p.measuresReached,
              actions: p.actions,
              done: p.actionsDone,
            },
            lang,
          ),
    measures,
    actions: actionLines,
    needs: needs.map((n) => `${n.title} – ${enumLabel(n.status, lang)}`),
    generated: fill(t.generated, { date: formatDate(lang, report.generatedAt) }, lang),
  };
}
