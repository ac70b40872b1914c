import './meetings.messages';
import './record.messages';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation, useSubscription } from 'urql';
import { LinkParagraph } from '../../components/LinkParagraph';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { PageFallback } from '../../components/PageFallback';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { toApiError, type ApiError } from '../../graphql/errors';
import type {
  AgendaItemFieldsFragment,
  MeetingQuery as Result,
  PresenceChangedSubscription,
} from '../../graphql/generated/graphql';
import { useSession } from '../../graphql/useSession';
import { useI18n } from '../../i18n/useI18n';
import { RelatedNeeds } from './RelatedNeeds';
import { usePageQuery } from '../../components/usePageQuery';
import { useCurrentUser } from '../auth/useCurrentUser';
import { AttendancePanel } from './AttendancePanel';
import { CollaborativeEditor } from './CollaborativeEditor';
import { DecisionPanel } from './DecisionPanel';
import { MinutesCheckersPanel, QuorumLine } from './MinutesRecordPanel';
import {
  JoinMeetingMutation,
  LeaveMeetingMutation,
  MeetingChangedSubscription,
  MeetingQuery,
  PresenceChangedSubscription as PresenceSub,
  SetCurrentItemMutation,
} from './meetings.documents';
import { secrecyLabel } from './meetings.labels';
import { agendaEntryName } from './meetings.rules';
import { readOnlyReason } from './readOnlyReasons';
import { PresencePanel } from './PresencePanel';
import { sectionMark, sectionTitle } from './sectionMark';
import { softHyphenated } from '../../i18n/syllables';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { MeetingSubtitle } from './MeetingSubtitle';
import { TransitionButtons } from './TransitionButtons';
import { useNewestMeeting } from './useNewestMeeting';
import { colorFor, useCoEditedDocument } from './useCoEditedDocument';
import './meetings.css';
import './room.css';
import './editor.css';

type Meeting = NonNullable<Result['meeting']>;
type Presence = PresenceChangedSubscription['presenceChanged'];

/** How often the room renews the caller's presence (the server drops it after 60 s without). */
const HEARTBEAT_MS = 20_000;

/** A new id for one room view's presence (`clientId`): 16 random bytes as hex (randomUUID needs a secure context). */
function newPresenceClientId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Follows who is in the room and, when the caller may take part (`viewerCan.join`), announces them there
 * while the page is open. A reader who may not join (an analyst) sends no joinMeeting, heartbeat or
 * leaveMeeting: the server would refuse each (FORBIDDEN); they still see the others.
 * Each room view (a tab, a visit) holds its own presence with an id of its own (`clientId`): leaving in one
 * tab does not take the user out of the room while another tab still has it open, and when the tab closes
 * its subscription with that id ends and takes its presence along.
 */
function usePresence(meetingId: string, mayJoin: boolean): Presence | undefined {
  const [, join] = useMutation(JoinMeetingMutation);
  const [, leave] = useMutation(LeaveMeetingMutation);
  const { connection } = useSession();
  const clientId = useMemo(() => newPresenceClientId(), [meetingId]);
  const [{ data }] = useSubscription({ query: PresenceSub, variables: { meetingId, clientId } });
  useEffect(() => {
    if (!mayJoin || connection.phase !== 'connected') return;
    void join({ meetingId, clientId });
    const timer = setInterval(() => void join({ meetingId, clientId }), HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [meetingId, clientId, mayJoin, join, connection.phase, connection.reconnects]);
  useEffect(() => {
    if (!mayJoin) return;
    return () => void leave({ meetingId, clientId });
  }, [meetingId, clientId, mayJoin, leave]);
  return data?.presenceChanged;
}

/**
 * The meeting room, one screen for the projector and the laptop: the agenda
 * with the item under discussion (followed live), who is present by party,
 * attendance, the item's decision and the co-edited minutes.
 */
export function MeetingRoomPage() {
  const { id = '' } = useParams();
  const { t, name, dateTime } = useI18n();
  const { user } = useCurrentUser();
  const [{ data, error }, refetch] = usePageQuery({ query: MeetingQuery, variables: { id } });
  useSubscription({ query: MeetingChangedSubscription, variables: { meetingId: id } });
  const noteVersion = useNewestMeeting(data?.meeting, refetch);
  const m = data?.meeting;
  const presence = usePresence(id, m?.viewerCan.join ?? false);
  // The caret's name tag names the viewer as the presence list and attendance do: the person of the body their account
  // sits as (personNames below), else the account's display name.
  const myName = (user && m?.participants.find((p) => p.person.user?.id === user.id)?.person.name) || user?.displayName || '';
  const me = useMemo(() => ({ name: myName, color: colorFor(user?.id ?? '') }), [myName, user?.id]);
  const readMinutes = m?.viewerCan.readMinutes ?? false;
  const minutes = useCoEditedDocument(readMinutes ? m?.minutes.id : undefined, me, m?.minutes.canEdit ?? false);
  const [follow, setFollow] = useState(true);
  const [picked, setPicked] = useState<string>();
  const currentId = m?.currentItem?.id;
  const selectedId = follow ? (currentId ?? picked ?? m?.agenda[0]?.id) : (picked ?? currentId ?? m?.agenda[0]?.id);
  const unsaved = (minutes?.status.pending ?? 0) > 0;
  // After the chair moves the discussion the pressed button is gone: the keyboard goes to the new current item's
  // heading when the page shows it (following), else to that item's agenda entry; never to <body>.
  const [focusAfterPoint, setFocusAfterPoint] = useState<string>();
  useEffect(() => {
    if (!focusAfterPoint || currentId !== focusAfterPoint) return;
    const target = document.getElementById(`item-${focusAfterPoint}`) ?? document.getElementById(`agenda-${focusAfterPoint}`);
    target?.focus();
    setFocusAfterPoint(undefined);
  }, [focusAfterPoint, currentId, selectedId]);

  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  if (!m) return <PageFallback error={error} onRetry={refetch} notFound={Boolean(data)} />;
  const selected = m.agenda.find((i) => i.id === selectedId);
  const current = m.agenda.find((i) => i.id === currentId);
  const presentUserIds = new Set((presence ?? []).map((p) => p.user.id));
  // The persons of the body by their accounts: those present are named as the attendance table names them.
  const personNames = new Map(m.participants.flatMap((p) => (p.person.user ? [[p.person.user.id, p.person.name] as const] : [])));

  return (
    <div className="yp-room">
      <div className="yp-room__top">
        <div>
          <LinkParagraph className="yp-back" to={`/meetings/${m.id}`}>
            {t('meet.backToMeeting')}
          </LinkParagraph>
          <PageHeading title={m.title}>{m.title}</PageHeading>
          <MeetingSubtitle
            className="yp-meta"
            parts={[name(m.body.names), dateTime(m.startsAt), <MeetingStatusBadge key="status" status={m.status} />]}
          />
          <QuorumLine meeting={m} />
        </div>
        <div className="yp-actions">
          <TransitionButtons meeting={m} onResult={noteVersion} />
        </div>
      </div>
      <div className="yp-room__grid">
        <RoomAgenda
          meeting={m}
          selectedId={selectedId}
          follow={follow}
          onFollow={setFollow}
          onPick={(itemId) => (setPicked(itemId), setFollow(false))}
          onPointed={setFocusAfterPoint}
        />
        <p className="yp-visually-hidden" aria-live="polite" data-testid="room-announcement">
          {current && t('meet.nowAnnounce', { title: sectionTitle(current) })}
        </p>
        <section className="yp-room__main" aria-label={t('meet.itemRegion')}>
          {selected ? <ItemView item={selected} meeting={m} me={me} /> : <p>{t('meet.noItem')}</p>}
          {/* Withheld from those who may not see a PLANNED meeting's draft (as its agenda). */}
          {readMinutes && (
            <section aria-labelledby="minutes" className="yp-room__panel yp-room__minutes">
              <Heading variant="h2" id="minutes" className="yp-room__h">
                {t('meet.minutes')}
              </Heading>
              {minutes ? (
                <CollaborativeEditor
                  document={minutes}
                  editable={m.minutes.canEdit}
                  label={t('meet.minutesLabel')}
                  user={me}
                  readOnlyReason={readOnlyReason(t, 'minutes', m.minutes.editLockReason)}
                />
              ) : (
                <PageLoading />
              )}
            </section>
          )}
        </section>
        <section className="yp-room__side" aria-label={t('meet.participantsRegion')}>
          <PresencePanel presence={presence} reader={!m.viewerCan.join} personNames={personNames} viewerId={user?.id} />
          <AttendancePanel meeting={m} presentUserIds={presentUserIds} viewerId={user?.id} />
          <MinutesCheckersPanel meeting={m} />
        </section>
      </div>
    </div>
  );
}

/** The agenda: the current item highlighted; the chair moves the pointer, everyone else follows it (or browses). */
function RoomAgenda({
  meeting: m,
  selectedId,
  follow,
  onFollow,
  onPick,
  onPointed,
}: {
  meeting: Meeting;
  selectedId: string | undefined;
  follow: boolean;
  onFollow: (v: boolean) => void;
  onPick: (id: string) => void;
  /** Called with the item the chair moved the discussion to, once the server accepted it. */
  onPointed: (id: string) => void;
}) {
  const { t } = useI18n();
  const [, setCurrent] = useMutation(SetCurrentItemMutation);
  const [error, setError] = useState<ApiError>();
  const currentRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    currentRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [m.currentItem?.id]);
  async function point(itemId: string | null) {
    setError(undefined);
    const r = await setCurrent({ meetingId: m.id, itemId });
    if (r.error) setError(toApiError(r.error));
    else if (itemId) onPointed(itemId);
  }
  return (
    <nav className="yp-room__agenda yp-room__panel" aria-labelledby="room-agenda">
      <Heading variant="h2" id="room-agenda" className="yp-room__h">
        {t('meet.agenda')}
      </Heading>
      <label className="yp-check">
        <input type="checkbox" checked={follow} onChange={(e) => onFollow(e.target.checked)} /> {t('meet.follow')}
      </label>
      <ol className="yp-room-agenda">
        {m.agenda.map((item) => {
          const current = item.id === m.currentItem?.id;
          return (
            <li
              key={item.id}
              ref={current ? currentRef : undefined}
              className={`yp-room-agenda__item${current ? ' is-current' : ''}${item.id === selectedId ? ' is-selected' : ''}`}
              data-current={current || undefined}
            >
              <button
                type="button"
                id={`agenda-${item.id}`}
                className="yp-room-agenda__open"
                aria-current={current ? 'step' : undefined}
                aria-label={agendaEntryName([
                  sectionMark(item.section),
                  item.title,
                  current && t('meet.agendaEntryNow'),
                  !!item.decisionMode && t('meet.agendaEntryDecided'),
                ])}
                onClick={() => onPick(item.id)}
              >
                <span className="yp-room-agenda__section">{sectionMark(item.section)}</span>
                <span>{softHyphenated(item.title)}</span>
                {current && <span className="yp-room-agenda__now">{t('meet.now')}</span>}
                {item.decisionMode && <span className="yp-room-agenda__done">{t('meet.decided')}</span>}
              </button>
              {m.viewerCan.movePointer && !current && (
                <Button
                  variant="secondaryNoBorder"
                  className="yp-room-agenda__point"
                  onClick={() => void point(item.id)}
                  aria-label={t('meet.pointTo', { title: item.title })}
                >
                  {t('meet.point')}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      {error && <ErrorAlert error={error} />}
    </nav>
  );
}

/** A diary number ("KSLIITTO/412/00.01.01/2026") that may break after its slashes on a narrow screen, not inside a part. */
function BreakAfterSlashes({ text }: { text: string }) {
  const parts = text.split('/');
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}

/** One item: its number and title, presenter, proposal, related needs, and the decision. */
function ItemView({
  item,
  meeting: m,
  me,
}: {
  item: AgendaItemFieldsFragment;
  meeting: Meeting;
  me: { name: string; color: string };
}) {
  const { t } = useI18n();
  const current = item.id === m.currentItem?.id;
  return (
    <article
      className={`yp-room__panel yp-item${current ? ' is-current' : ''}`}
      aria-labelledby={`item-${item.id}`}
      data-item-id={item.id}
    >
      <p className="yp-item__kicker">
        {current ? t('meet.nowDiscussed') : t('meet.viewing')}
        {item.publicity !== 'PUBLIC' && <span className="yp-badge yp-badge--secret">{secrecyLabel(t, item)}</span>}
      </p>
      <Heading variant="h2" id={`item-${item.id}`} className="yp-item__title" tabIndex={-1}>
        {sectionTitle(item)}
      </Heading>
      {item.restricted ? (
        <>
          {item.caseNumber && (
            <dl className="yp-item__facts">
              <Fact term={t('meet.caseNumber')}>
                <BreakAfterSlashes text={item.caseNumber} />
              </Fact>
            </dl>
          )}
          <p>{t('meet.restricted')}</p>
        </>
      ) : (
        <>
          <dl className="yp-item__facts">
            <Fact term={t('meet.presenterLabel')}>{item.presenter?.name}</Fact>
            <Fact term={t('meet.caseNumber')}>{item.caseNumber && <BreakAfterSlashes text={item.caseNumber} />}</Fact>
          </dl>
          {item.proposal && (
            <>
              <Heading variant="h3">{t('meet.proposal')}</Heading>
              <p className="yp-item__proposal">{item.proposal}</p>
            </>
          )}
          <RelatedNeeds needs={item.relatedNeeds} />
          <DecisionPanel
            key={item.id}
            item={item}
            meetingId={m.id}
            canLinkNeeds={m.viewerCan.editAgenda}
            canRecord={m.viewerCan.recordDecision}
            user={me}
          />
        </>
      )}
    </article>
  );
}
