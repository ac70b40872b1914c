import type { ComponentProps, ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/useI18n';
import { NavLinkList } from '../../components/NavLinkList';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { SelectField, type SelectOption } from '../../components/SelectField';

/** The needs area's own views (register, responsibility matrix, party actions): one entry in the main menu, tabs here. */
export function NeedsTabs() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('needs.tabs.label')} className="yp-subnav">
      <ul>
        <NavLinkList
          linkClassName="yp-subnav__link"
          entries={[
            { to: '/needs', end: true, label: t('needs.tabs.register') },
            { to: '/needs/matrix', label: t('nav.matrix') },
            { to: '/needs/actions', label: t('nav.partyActions') },
          ]}
        />
      </ul>
    </nav>
  );
}

/** The top of each view of the needs area: its heading (`${messages}.title`), the area's tabs, its intro (`.intro`). */
export function NeedsViewHead({ messages }: { messages: 'needs' | 'matrix' | 'partyActions' }) {
  const { t } = useI18n();
  const title = t(`${messages}.title`);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <NeedsTabs />
      <p className="yp-lead">{t(`${messages}.intro`)}</p>
    </>
  );
}

/**
 * A needs view of one choice at a time (the party, the theme): its head, the choice (UrlChoice), what the URL's
 * filters said (`notice`), then a spinner until the view's data has come (`loading`), and the view.
 */
export function NeedsChoiceView({
  messages,
  choice,
  notice,
  loading,
  children,
}: {
  messages: 'matrix' | 'partyActions';
  choice: ComponentProps<typeof UrlChoice>;
  notice: ReactNode;
  loading: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <NeedsViewHead messages={messages} />
      <UrlChoice {...choice} />
      {notice}
      {loading ? <PageLoading /> : children}
    </>
  );
}

/**
 * The one choice a view shows at a time (the party, the theme), kept in the URL as `?<param>=` so the view can be
 * linked; `id` is also the test id.
 */
function UrlChoice({
  id,
  param,
  label,
  value,
  options,
}: {
  id: string;
  param: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
}) {
  const [, setParams] = useSearchParams();
  return (
    <form className="yp-need-filters" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        id={id}
        className="yp-need-filters__wide"
        label={label}
        value={value}
        options={options}
        onChange={(next) => setParams({ [param]: next }, { replace: true })}
        testId={id}
      />
    </form>
  );
}
