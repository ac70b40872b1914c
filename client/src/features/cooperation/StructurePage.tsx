import './cooperation.messages';
import { useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSubscription } from 'urql';
import { PageHeading } from '../../components/PageHeading';
import { PageLoadingOrError } from '../../components/PageLoadingOrError';
import { toApiError } from '../../graphql/errors';
import type { CooperationBodiesQuery as Result } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { Card } from '../../components/Card';
import { usePageQuery } from '../../components/usePageQuery';
import { ToggleButton } from '../../components/ToggleButton';
import { useCurrentUser } from '../auth/useCurrentUser';
import { BodyForm } from './BodyForm';
import { cadenceLabel, tierLabel, tiers } from './cooperation.labels';
import { BodyChangedSubscription, CooperationBodiesQuery } from './cooperation.documents';
import { BOX_H, BOX_W, GAP_X, LABEL_W, parentLine, ROW_H } from './structureLayout';
import './cooperation.css';

type Body = Result['cooperationBodies'][number];

/** Box positions: one row per tier, boxes side by side, children ordered under their parents. */
function layout(bodies: readonly Body[]) {
  const rows = tiers.map((tier) => bodies.filter((b) => b.tier === tier));
  const width = LABEL_W + Math.max(1, ...rows.map((r) => r.length)) * (BOX_W + GAP_X);
  const pos = new Map<string, { x: number; y: number }>();
  rows.forEach((row, i) => {
    const rowWidth = row.length * (BOX_W + GAP_X) - GAP_X;
    const start = LABEL_W + (width - LABEL_W - rowWidth) / 2;
    row.forEach((b, j) => pos.set(b.id, { x: start + j * (BOX_W + GAP_X), y: 20 + i * ROW_H }));
  });
  return { width, height: 20 + tiers.length * ROW_H - (ROW_H - BOX_H) + 20, pos };
}

/** The picture: tiers as rows, bodies as boxes, parent lines. Decorative for screen readers (the outline below says the same). */
function StructurePicture({ bodies }: { bodies: readonly Body[] }) {
  const { t, name } = useI18n();
  const { width, height, pos } = layout(bodies);
  const frame = useRef<HTMLDivElement>(null);
  // Narrower than the picture (a phone): start at its middle, where the top tiers' boxes stand, not at the
  // empty left; and a tab stop only while it scrolls (on a wide screen it holds nothing to reach).
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [width]);
  return (
    <figure className="yp-structure" aria-labelledby="structure-picture-caption">
      <figcaption id="structure-picture-caption" className="yp-structure__caption">
        <span className="yp-visually-hidden">{t('coop.pictureLabel')}</span>
        <span className="yp-structure__hint">{t('coop.pictureScroll')}</span>
      </figcaption>
      {/* A scrolling frame takes focus, so a keyboard can scroll it too; the figure's caption names it. */}
      <div
        className="yp-structure__frame"
        ref={frame}
        {...(scrolls ? { tabIndex: 0, role: 'group', 'aria-labelledby': 'structure-picture-caption' } : {})}
      >
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="presentation"
          aria-hidden="true"
          data-testid="structure-picture"
        >
          {tiers.map((tier, i) => (
            <g key={tier}>
              <rect
                x={0}
                y={10 + i * ROW_H}
                width={width}
                height={BOX_H + 20}
                className={`yp-structure__band yp-structure__band--${i % 2}`}
              />
              <text x={10} y={10 + i * ROW_H + BOX_H / 2 + 4} className="yp-structure__tier">
                {t('coop.level', { level: i + 1 })}
              </text>
              <text x={10} y={10 + i * ROW_H + BOX_H / 2 + 22} className="yp-structure__tiername">
                {tierLabel(t, tier)}
              </text>
            </g>
          ))}
          {bodies.map((b) => {
            const from = b.parent ? pos.get(b.parent.id) : undefined;
            const to = pos.get(b.id);
            if (!from || !to) return null;
            const between = [...pos.values()].filter((p) => p.y > from.y && p.y < to.y);
            return <path key={`line-${b.id}`} d={parentLine(from, to, between)} className="yp-structure__line" />;
          })}
          {bodies.map((b) => {
            const p = pos.get(b.id);
            if (!p) return null;
            const members = b.memberships.filter((m) => m.active).length;
            return (
              <g key={b.id} transform={`translate(${p.x} ${p.y})`} className="yp-structure__box">
                <rect width={BOX_W} height={BOX_H} rx={6} />
                <foreignObject x={8} y={6} width={BOX_W - 16} height={BOX_H - 12}>
                  <div className="yp-structure__label">
                    <strong>{name(b.names)}</strong>
                    <span>
                      {b.cadence ? cadenceLabel(t, b.cadence) : ''} · {t('coop.members', { count: members })}
                    </span>
                  </div>
                </foreignObject>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

/** The same structure as a nested list: parents contain their sub-bodies. */
function Outline({ bodies, parentId }: { bodies: readonly Body[]; parentId: string | null }) {
  const { t, name } = useI18n();
  const ids = new Set(bodies.map((b) => b.id));
  const level = bodies.filter((b) => (b.parent && ids.has(b.parent.id) ? b.parent.id : null) === parentId);
  if (level.length === 0) return null;
  return (
    <ul className="yp-outline">
      {level.map((b) => (
        <li key={b.id}>
          <Link to={`/cooperation/bodies/${encodeURIComponent(b.id)}`} className="yp-link">
            {name(b.names)}
          </Link>{' '}
          <span className="yp-meta">
            {tierLabel(t, b.tier)}
            {b.level != null && <> · {t('coop.level', { level: b.level })}</>}
            {b.cadence && <> · {cadenceLabel(t, b.cadence)}</>}
            {b.chair && (
              <>
                {' '}
                · {t('coop.chair')}: {b.chair.name}
              </>
            )}
            {b.secretary && (
              <>
                {' '}
                · {t('coop.secretary')}: {b.secretary.name}
              </>
            )}
            {b.themes.length > 0 && (
              <>
                {' '}
                · {t('coop.themes')}: {b.themes.map((th) => name(th.names)).join(', ')}
              </>
            )}
          </span>
          <Outline bodies={bodies} parentId={b.id} />
        </li>
      ))}
    </ul>
  );
}

/** /cooperation: the four tiers at a glance, live. */
export function StructurePage() {
  const { t } = useI18n();
  const [{ data, error }, refetch] = usePageQuery({ query: CooperationBodiesQuery });
  useSubscription({ query: BodyChangedSubscription, variables: {} });
  const { user } = useCurrentUser();
  const isSecretariat = Boolean(user?.roles.includes('SECRETARIAT'));
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeading title={t('coop.title')}>{t('coop.title')}</PageHeading>
      <p className="yp-lead">{t('coop.intro')}</p>
      {!data ? (
        <PageLoadingOrError error={toApiError(error)} onRetry={refetch} />
      ) : (
        <>
          <StructurePicture bodies={data.cooperationBodies} />
          <Card headingId="outline-heading" title={t('coop.outlineTitle')}>
            <div data-testid="structure-outline">
              <Outline bodies={data.cooperationBodies} parentId={null} />
            </div>
          </Card>
        </>
      )}
      {isSecretariat && (
        <ToggleButton open={creating} setOpen={setCreating} label={t('coop.form.new')} closeLabel={t('coop.form.close')} />
      )}
      {/* Outside the loading switch, so a refetch never unmounts the form. The cache fetches the structure again (cooperation.cache.ts). */}
      {isSecretariat && creating && <BodyForm onDone={() => undefined} />}
    </>
  );
}
