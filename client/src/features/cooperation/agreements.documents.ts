import { graphql } from '../../graphql/generated';

/** The round's numbers. */
export const ProgressFields = graphql(`
  fragment ProgressFields on Agreement {
    ratificationProgress {
      ...RatificationProgressFields
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
        ...LocalizedTextFields
      }
    }
    recordedBy {
      ...UserNameFields
    }
  }
`);

/** An agreement as a row of the list. */
export const AgreementRowFields = graphql(`
  fragment AgreementRowFields on Agreement {
    id
    titles {
      ...LocalizedTextFields
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
      ...PartyNameFields
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
        ...UserNameFields
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
    ...AgreementRowFields
    parties {
      id
    }
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
        ...UserNameFields
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

/** The parties an agreement can bind. */
export const AgreementPartyOptionsQuery = graphql(`
  query AgreementPartyOptions {
    parties {
      ...PartyNameFields
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
