import './meetings.messages';
import { sectionTitle } from './sectionMark';
import './record.messages';
import { minutesHeading } from './minutesHeading';
import { PublishedItemAttachments } from '../attachments/AttachmentsPanel';
import { Link, useParams } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import { useQuery } from 'urql';
import { LinkParagraph } from '../../components/LinkParagraph';
import { Fact } from '../../components/Fact';
import { ErrorPage, PageFallback } from '../../components/PageFallback';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { usePageQuery } from '../../components/usePageQuery';
import { toApiError } from '../../graphql/errors';
import { useCurrentUser } from '../auth/useCurrentUser';
import { MeetingExports } from './MeetingExports';
import { useI18n } from '../../i18n/useI18n';
import { Section } from '../../components/Card';
import { PublishedMinutesListQuery, PublishedMinutesQuery } from './record.documents';
import { attendanceLabel, modeLabel, secrecyLabel } from './meetings.labels';
import './meetings.css';
import './minutes.css';
import './record.css';

/**
 * Published minutes, readable without signing in: PUBLIC items in full, a
 * secret item by its number and title only. Prints cleanly; also as PDF.
 */
export function PublishedMinutesPage() {
  const { id = '' } = useParams();
  const { t, dateTime, date, name, lang } = useI18n();
  const [{ data, error }, refetch] = usePageQuery({ query: PublishedMinutesQuery, variables: { meetingId: id } });
  const { user } = useCurrentUser();
  const pm = data?.publishedMinutes;
  if (!pm) return <PageFallback error={error} onRetry={refetch} notFound={Boolean(data)} />;
  return (
    <article className="yp-minutes" aria-labelledby="minutes-title">
      <LinkParagraph className="yp-back yp-no-print" to="/minutes">
        {t('meet.allMinutes')}
      </LinkParagraph>
      <p className="yp-minutes__kicker">{t('meet.minutesKicker')}</p>
      <PageHeading title={minutesHeading(name(pm.bodyNames), pm.title)} id="minutes-title">
        {minutesHeading(name(pm.bodyNames), pm.title)}
      </PageHeading>
      <dl className="yp-minutes__facts">
        <Fact term={t('meet.when')}>{dateTime(pm.startsAt)}</Fact>
        <Fact term={t('meet.where')}>{pm.location}</Fact>
        <Fact term={t('meet.chair')}>{pm.chair}</Fact>
        <Fact term={t('meet.secretary')}>{pm.secretary}</Fact>
      </dl>
      <div className="yp-actions yp-no-print">
        <button type="button" className="yp-button-link" onClick={() => window.print()}>
          {t('meet.print')}
        </button>
        <a className="yp-button-link" href={`${pm.pdfUrl}?lang=${lang}`} download>
          {t('meet.downloadPdf')}
        </a>
      </div>
      {/* The exports answer what the signed-in user may read (the minutes themselves are public). */}
      {user && <MeetingExports meetingId={id} />}
      {pm.attendance.length > 0 && (
        <Section headingId="present" title={t('meet.attendanceTitle')}>
          <ul className="yp-minutes__attendance">
            {pm.attendance.map((a, i) => (
              <li key={i}>
                {a.name ?? t('meet.nameRemoved')}
                {a.partyNames ? `, ${name(a.partyNames)}` : ''} – {attendanceLabel(t, a.status)}
                {a.deputyFor ? ` (${t('meet.deputyForName', { name: a.deputyFor })})` : ''}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {pm.items.map((item, i) => (
        <section key={i} className="yp-minutes__item" aria-labelledby={`sec-${i}`}>
          <Heading variant="h2" id={`sec-${i}`}>
            {sectionTitle(item)}
          </Heading>
          {item.publicity !== 'PUBLIC' ? (
            <p className="yp-minutes__secret">{secrecyLabel(t, item)}</p>
          ) : (
            <>
              {item.caseNumber && <p className="yp-meta">{t('meet.caseNumberText', { number: item.caseNumber })}</p>}
              {(item.preparer || item.presenter) && (
                <p className="yp-meta">
                  {item.preparer && t('meet.preparerText', { name: item.preparer })}
                  {item.preparer && item.presenter && ' · '}
                  {item.presenter && t('meet.presenter', { name: item.presenter })}
                </p>
              )}
              {item.proposal && (
                <>
                  <Heading variant="h3">{t('meet.proposal')}</Heading>
                  <p>{item.proposal}</p>
                </>
              )}
              {item.handling && (
                <>
                  <Heading variant="h3">{t('meet.handling')}</Heading>
                  <p>{item.handling}</p>
                </>
              )}
              <PublishedItemAttachments meetingId={pm.meetingId} section={item.section} title={item.title} />
              {item.decision && (
                <>
                  <Heading variant="h3">
                    {t('meet.decision')}
                    {item.decisionMode ? ` (${modeLabel(t, item.decisionMode)})` : ''}
                  </Heading>
                  <p className="yp-minutes__decision">{item.decision}</p>
                  {item.votes && (
                    <p>
                      {t('meet.votesText', { for: item.votes.for, against: item.votes.against, abstain: item.votes.abstain })}
                    </p>
                  )}
                  {item.quorum && (
                    <p className="yp-meta">
                      {t('rec.decisionQuorum', { present: item.quorum.present, members: item.quorum.members })}
                    </p>
                  )}
                </>
              )}
              {item.actions.length > 0 && (
                <>
                  <Heading variant="h3">{t('rec.actions')}</Heading>
                  <ul className="yp-minutes__actions">
                    {item.actions.map((a) => (
                      <li key={a.id}>
                        {user && a.needId ? (
                          <Link className="yp-link" to={`/needs/${a.needId}`}>
                            {a.title}
                          </Link>
                        ) : (
                          a.title
                        )}
                        {a.ownerPartyNames ? ` – ${name(a.ownerPartyNames)}` : ''}
                        {a.dueDate ? ` – ${t('rec.actionDue', { date: date(a.dueDate) })}` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </section>
      ))}
      {pm.minutesText && (
        <Section headingId="notes" title={t('meet.notes')} className="yp-minutes__notes">
          {pm.minutesText.split(/\n{2,}/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </Section>
      )}
      {pm.checkers.length > 0 && (
        <Section headingId="checkers" title={t('rec.checkers')} className="yp-minutes__checkers">
          <ul>
            {pm.checkers.map((c, i) => (
              <li key={i}>
                {c.name ?? t('meet.nameRemoved')}: {t('rec.checkedAt', { date: dateTime(c.checkedAt) })}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {pm.appealInstructionsTexts && (
        <Section headingId="appeal" title={t('rec.appeal')} className="yp-minutes__appeal">
          {name(pm.appealInstructionsTexts)
            .split(/\n{2,}/)
            .map((para, i) => (
              <p key={i} className="yp-pre-line">
                {para}
              </p>
            ))}
        </Section>
      )}
      <p className="yp-meta yp-minutes__footer">
        {t('meet.publishedOn', { date: dateTime(pm.publishedAt) })}{' '}
        {pm.personalDataRemoved
          ? t('meet.personalDataGone')
          : pm.personalDataRemovalDue
            ? t('meet.personalDataUntil', { date: date(pm.personalDataRemovalDue) })
            : ''}
      </p>
    </article>
  );
}

/** Every published minutes, newest first; readable without signing in. */
export function PublishedMinutesListPage() {
  const { t, dateTime, name } = useI18n();
  const [{ data, error }, reexecute] = useQuery({ query: PublishedMinutesListQuery });
  if (error && !data)
    return <ErrorPage error={toApiError(error)!} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return <PageLoading />;
  return (
    <div className="yp-minutes">
      <PageHeading title={t('meet.publishedTitle')}>{t('meet.publishedTitle')}</PageHeading>
      <p className="yp-lead">{t('meet.publishedIntro')}</p>
      <ul className="yp-meeting-list">
        {data.publishedMinutesList.map((pm) => (
          <li key={pm.meetingId}>
            <Link className="yp-link" to={`/minutes/${pm.meetingId}`}>
              {minutesHeading(name(pm.bodyNames), pm.title)}
            </Link>{' '}
            <span className="yp-meta">{dateTime(pm.startsAt)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
