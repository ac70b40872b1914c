import { graphql } from '../../graphql/generated';

/** What the structure picture and a body page show of a body. */
export const BodyFields = graphql(`
  fragment BodyFields on CooperationBody {
    id
    names {
      ...LocalizedTextFields
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
        ...LocalizedTextFields
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
      names {
        ...LocalizedTextFields
      }
      code
    }
  }
`);

/** A body with its members: what the structure picture and a body page hold of it. */
export const BodyWithMembersFields = graphql(`
  fragment BodyWithMembersFields on CooperationBody {
    ...BodyFields
    memberships {
      ...MembershipFields
    }
  }
`);

/** Every body with its members, for the structure picture. */
export const CooperationBodiesQuery = graphql(`
  query CooperationBodies {
    cooperationBodies {
      ...BodyWithMembersFields
    }
  }
`);

/** One body with its members and sub-bodies. */
export const CooperationBodyQuery = graphql(`
  query CooperationBody($id: ID!) {
    cooperationBody(id: $id) {
      ...BodyWithMembersFields
      parent {
        ...BodyNameFields
      }
      children {
        ...BodyNameFields
      }
    }
  }
`);

/** A person as the choice of whom to seat shows them; a created person answers it too, to join that list. */
export const PersonOptionFields = graphql(`
  fragment PersonOptionFields on Person {
    id
    name
    title
    party {
      ...PartyNameFields
    }
  }
`);

/** People to seat in a body. */
export const PersonsQuery = graphql(`
  query Persons {
    persons {
      ...PersonOptionFields
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
        ...BodyWithMembersFields
      }
      actor {
        ...UserNameFields
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

/** The themes a body can have. */
export const ThemesQuery = graphql(`
  query Themes {
    themes {
      id
      code
      names {
        ...LocalizedTextFields
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
        ...LocalizedTextFields
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
        ...BodyNameFields
      }
    }
  }
`);

/** Creates a person to seat in a body (the secretariat, or a chair or secretary of a body). */
export const CreatePersonMutation = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      ...PersonOptionFields
      email
      phone
      version
    }
  }
`);
