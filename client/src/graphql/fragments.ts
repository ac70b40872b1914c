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

/** A party named where a record points to it (owner, lead, the member's party, a municipality). */
export const PartyRefFields = graphql(`
  fragment PartyRefFields on Party {
    id
    names {
      ...LocalizedTextFields
    }
  }
`);

/** A cooperation body named where a record points to it (a meeting's body, a parent, a need's owner). */
export const BodyRefFields = graphql(`
  fragment BodyRefFields on CooperationBody {
    id
    names {
      ...LocalizedTextFields
    }
  }
`);

/** A person (who need not have an account) as a meeting or a body names them: chair, presenter, attendee. */
export const PersonRefFields = graphql(`
  fragment PersonRefFields on Person {
    id
    name
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
