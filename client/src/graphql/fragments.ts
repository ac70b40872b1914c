import { graphql } from './generated';

/**
 * A name or title in the three UI languages; spread it wherever the API answers a
 * `LocalizedText` (`names { ...LocalizedTextFields }`) and show it with `name()` of useI18n.
 */
export const LocalizedTextFields = graphql(`
  fragment LocalizedTextFields on LocalizedText {
    fi
    sv
    en
  }
`);

/** A party as lists and choices name it: its id (graphcache's key) and its names. */
export const PartyNameFields = graphql(`
  fragment PartyNameFields on Party {
    id
    names {
      ...LocalizedTextFields
    }
  }
`);

/** A cooperation body as lists and choices name it: its id (graphcache's key) and its names. */
export const BodyNameFields = graphql(`
  fragment BodyNameFields on CooperationBody {
    id
    names {
      ...LocalizedTextFields
    }
  }
`);

/** A theme as lists, choices and filters name it: its id (graphcache's key), its code and its names. */
export const ThemeNameFields = graphql(`
  fragment ThemeNameFields on Theme {
    id
    code
    names {
      ...LocalizedTextFields
    }
  }
`);

/** A user as the app names them (an author, an actor, a present person): their id (graphcache's key) and name. */
export const UserNameFields = graphql(`
  fragment UserNameFields on User {
    id
    displayName
  }
`);

/**
 * An action as a meeting's item and a need as it stood list it: what, by when, in what state, whose. It has no id
 * (graphcache's key): the need as it stood selects its past actions without one, so that they are not merged into the
 * live ones; a live list adds `id` beside it.
 */
export const ActionSummaryFields = graphql(`
  fragment ActionSummaryFields on Action {
    title
    dueDate
    status
    ownerParty {
      ...PartyNameFields
    }
  }
`);

/** Where a page of a connection ends, for "load more". */
export const PageInfoFields = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** An indicator as lists and forms name it (its series are asked for separately). */
export const IndicatorFields = graphql(`
  fragment IndicatorFields on Indicator {
    id
    source
    code
    name
    unit
  }
`);

/** How far an agreement's ratification round has come, party by party counted. */
export const RatificationProgressFields = graphql(`
  fragment RatificationProgressFields on RatificationProgress {
    total
    approved
    approvedWithChanges
    rejected
    pending
  }
`);
