import { graphql } from '../../graphql/generated';

/** What the structure picture and a body page show of a body. */
export const BodyFields = graphql(`
  fragment BodyFields on CooperationBody {
    id
    names {
      fi
      sv
      en
    }
    tier
    level
    cadence
    mandate
    version
    parent {
      id
    }
    themes {
      id
      code
      names {
        fi
        sv
        en
      }
    }
    chair {
      id
      name
    }
    secretary {
      id
      name
    }
  }
`);

/** A membership with its person and party. */
export const MembershipFields = graphql(`
  fragment MembershipFields on Membership {
    id
    role
    capacity
    startsOn
    endsOn
    active
    version
    person {
      id
      name
      title
      email
      phone
      user {
        id
      }
    }
    party {
      id
      code
      names {
        fi
        sv
        en
      }
    }
  }
`);

/** Every body with its members, for the structure picture. */
export const CooperationBodiesQuery = graphql(`
  query CooperationBodies {
    cooperationBodies {
      ...BodyFields
      memberships {
        ...MembershipFields
      }
    }
  }
`);

/** One body with its members and sub-bodies. */
export const CooperationBodyQuery = graphql(`
  query CooperationBody($id: ID!) {
    cooperationBody(id: $id) {
      ...BodyFields
      parent {
        id
        names {
          fi
          sv
          en
        }
      }
      children {
        id
        names {
          fi
          sv
          en
        }
      }
      memberships {
        ...MembershipFields
      }
    }
  }
`);

/** People to seat in a body. */
export const PersonsQuery = graphql(`
  query Persons {
    persons {
      id
      name
      title
      party {
        id
        names {
          fi
          sv
          en
        }
      }
    }
  }
`);

/** Changes to bodies and memberships; graphcache merges the body (and its member list) by id. */
export const BodyChangedSubscription = graphql(`
  subscription BodyChanged($id: ID) {
    cooperationBodyChanged(id: $id) {
      kind
      membership {
        id
      }
      body {
        ...BodyFields
        memberships {
          ...MembershipFields
        }
      }
      actor {
        id
        displayName
      }
    }
  }
`);

export const AddMembershipMutation = graphql(`
  mutation AddMembership($input: AddMembershipInput!) {
    addMembership(input: $input) {
      ...MembershipFields
      body {
        id
        memberships {
          ...MembershipFields
        }
      }
    }
  }
`);

export const EndMembershipMutation = graphql(`
  mutation EndMembership($id: ID!, $expectedVersion: Int!, $endsOn: Date!) {
    endMembership(id: $id, expectedVersion: $expectedVersion, endsOn: $endsOn) {
      ...MembershipFields
    }
  }
`);

/** The round's numbers. */
export const ProgressFields = graphql(`
  fragment ProgressFields on Agreement {
    ratificationProgress {
      total
      approved
      approvedWithChanges
      rejected
      pending
    }
  }
`);

export const RatificationFields = graphql(`
  fragment RatificationFields on Ratification {
    id
    decidingBody
    decisionDate
    section
    minutesUrl
    outcome
    note
    version
    updatedAt
    party {
      id
      code
      kind
      names {
        fi
        sv
        en
      }
    }
    recordedBy {
      id
      displayName
    }
  }
`);

/** An agreement as a row of the list. */
export const AgreementRowFields = graphql(`
  fragment AgreementRowFields on Agreement {
    id
    titles {
      fi
      sv
      en
    }
    type
    validFrom
    validTo
    version
    ...ProgressFields
  }
`);

/** A negotiation as the list shows it and its form edits it. */
export const NegotiationFields = graphql(`
  fragment NegotiationFields on Negotiation {
    id
    kind
    title
    year
    municipalityGroup
    legalBasis
    heldOn
    outcomeSummary
    version
    parties {
      id
      names {
        fi
        sv
        en
      }
    }
  }
`);

export const AgreementsQuery = graphql(`
  query Agreements {
    agreements {
      ...AgreementRowFields
    }
    negotiations {
      ...NegotiationFields
    }
  }
`);

/** Changes to any negotiation; a new one makes the cache fetch the list again (cooperation.cache.ts). */
export const NegotiationsChangedSubscription = graphql(`
  subscription NegotiationsChanged {
    negotiationChanged {
      kind
      negotiation {
        ...NegotiationFields
      }
      actor {
        id
        displayName
      }
    }
  }
`);

/** A section of an agreement's text. */
export const SectionFields = graphql(`
  fragment SectionFields on AgreementSection {
    id
    kind
    title
    body
    sortOrder
    version
  }
`);

/** What the agreement page shows of an agreement; the query, its live events and its edits select the same. */
export const AgreementFields = graphql(`
  fragment AgreementFields on Agreement {
    id
    titles {
      fi
      sv
      en
    }
    type
    validFrom
    validTo
    version
    parties {
      id
    }
    ...ProgressFields
    sections {
      ...SectionFields
    }
    ratifications {
      ...RatificationFields
    }
  }
`);

export const AgreementQuery = graphql(`
  query Agreement($id: ID!) {
    agreement(id: $id) {
      ...AgreementFields
    }
  }
`);

/**
 * Changes to one agreement: its fields, parties, sections and ratifications
 * arrive whole, so graphcache merges an edit by anyone into the page.
 */
export const AgreementChangedSubscription = graphql(`
  subscription AgreementChanged($id: ID!) {
    agreementChanged(id: $id) {
      kind
      agreement {
        ...AgreementFields
      }
      ratification {
        ...RatificationFields
      }
      section {
        ...SectionFields
      }
      actor {
        id
        displayName
      }
    }
  }
`);

/** Changes to any agreement, for the list: its row and the round's progress. */
export const AgreementsChangedSubscription = graphql(`
  subscription AgreementsChanged {
    agreementChanged {
      kind
      agreement {
        ...AgreementRowFields
      }
    }
  }
`);

export const RecordRatificationMutation = graphql(`
  mutation RecordRatification($input: RecordRatificationInput!) {
    recordRatification(input: $input) {
      ...RatificationFields
      agreement {
        id
        ...ProgressFields
      }
    }
  }
`);

/** The themes a body can have. */
export const ThemesQuery = graphql(`
  query Themes {
    themes {
      id
      code
      names {
        fi
        sv
        en
      }
    }
  }
`);

/** The bodies a body can sit under (the parent choice of the body form). */
export const BodyOptionsQuery = graphql(`
  query BodyOptions {
    cooperationBodies {
      id
      tier
      names {
        fi
        sv
        en
      }
    }
  }
`);

/** The secretariat creates a body. */
export const CreateCooperationBodyMutation = graphql(`
  mutation CreateCooperationBody($input: CreateCooperationBodyInput!) {
    createCooperationBody(input: $input) {
      ...BodyFields
    }
  }
`);

/** The secretariat edits a body against the version it showed. */
export const UpdateCooperationBodyMutation = graphql(`
  mutation UpdateCooperationBody($id: ID!, $expectedVersion: Int!, $input: UpdateCooperationBodyInput!) {
    updateCooperationBody(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...BodyFields
      parent {
        id
        names {
          fi
          sv
          en
        }
      }
    }
  }
`);

/** The parties an agreement can bind. */
export const AgreementPartyOptionsQuery = graphql(`
  query AgreementPartyOptions {
    parties {
      id
      names {
        fi
        sv
        en
      }
    }
  }
`);

/** The secretariat creates an agreement; every party starts PENDING. */
export const CreateAgreementMutation = graphql(`
  mutation CreateAgreement($input: CreateAgreementInput!) {
    createAgreement(input: $input) {
      ...AgreementRowFields
    }
  }
`);

/** The secretariat edits an agreement against the version it showed; the answer carries the new round (parties may change). */
export const UpdateAgreementMutation = graphql(`
  mutation UpdateAgreement($id: ID!, $expectedVersion: Int!, $input: UpdateAgreementInput!) {
    updateAgreement(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...AgreementFields
    }
  }
`);

/** The secretariat adds a section; cooperation.cache.ts appends it to the agreement's sections. */
export const AddAgreementSectionMutation = graphql(`
  mutation AddAgreementSection($agreementId: ID!, $input: AgreementSectionInput!) {
    addAgreementSection(agreementId: $agreementId, input: $input) {
      ...SectionFields
    }
  }
`);

/** The secretariat edits (or moves, through sortOrder) a section against the version it showed. */
export const UpdateAgreementSectionMutation = graphql(`
  mutation UpdateAgreementSection($id: ID!, $expectedVersion: Int!, $input: UpdateAgreementSectionInput!) {
    updateAgreementSection(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...SectionFields
    }
  }
`);

/** The secretariat records a negotiation the law requires. */
export const CreateNegotiationMutation = graphql(`
  mutation CreateNegotiation($input: CreateNegotiationInput!) {
    createNegotiation(input: $input) {
      ...NegotiationFields
    }
  }
`);

/** The secretariat edits a negotiation against the version it showed. */
export const UpdateNegotiationMutation = graphql(`
  mutation UpdateNegotiation($id: ID!, $expectedVersion: Int!, $input: UpdateNegotiationInput!) {
    updateNegotiation(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...NegotiationFields
    }
  }
`);

/** Creates a person to seat in a body (the secretariat, or a chair or secretary of a body). */
export const CreatePersonMutation = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
      name
      title
      email
      phone
      version
      party {
        id
        names {
          fi
          sv
          en
        }
      }
    }
  }
`);
