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

export const AgreementsQuery = graphql(`
  query Agreements {
    agreements {
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
    negotiations {
      id
      kind
      title
      year
      municipalityGroup
      legalBasis
      heldOn
      outcomeSummary
      parties {
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

export const AgreementQuery = graphql(`
  query Agreement($id: ID!) {
    agreement(id: $id) {
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
      sections {
        id
        kind
        title
        body
        version
      }
      ratifications {
        ...RatificationFields
      }
    }
  }
`);

/** Changes to one agreement: a recorded ratification arrives with the new progress. */
export const AgreementChangedSubscription = graphql(`
  subscription AgreementChanged($id: ID!) {
    agreementChanged(id: $id) {
      kind
      agreement {
        id
        version
        ...ProgressFields
      }
      ratification {
        ...RatificationFields
      }
      actor {
        id
        displayName
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
      id
      version
    }
  }
`);

/** The secretariat records a negotiation the law requires. */
export const CreateNegotiationMutation = graphql(`
  mutation CreateNegotiation($input: CreateNegotiationInput!) {
    createNegotiation(input: $input) {
      id
      version
    }
  }
`);
