import { graphql } from '../../graphql/generated';

/** What the party list shows; subscriptions select it too, so that the normalised cache stays complete. */
export const PartyListFields = graphql(`
  fragment PartyListFields on Party {
    id
    kind
    code
    names {
      ...LocalizedTextFields
    }
    municipalForm
    subRegion
    population {
      value
      referenceDate
      status
      source
    }
    version
  }
`);

/** What the party page shows. */
export const PartyDetailFields = graphql(`
  fragment PartyDetailFields on Party {
    ...PartyListFields
    populations {
      value
      referenceDate
      status
      source
    }
    updatedAt
  }
`);

/** Every party; the list filters on the client, so the municipalities' total stays whole. */
export const PartiesQuery = graphql(`
  query Parties {
    parties {
      ...PartyListFields
    }
  }
`);

/** One party with all its population figures. */
export const PartyQuery = graphql(`
  query Party($id: ID!) {
    party(id: $id) {
      ...PartyDetailFields
    }
  }
`);

/** Changes to any party; graphcache merges the party into the list by id. */
export const PartiesChangedSubscription = graphql(`
  subscription PartiesChanged {
    partyChanged {
      kind
      party {
        ...PartyListFields
      }
      actor {
        ...UserNameFields
      }
    }
  }
`);

/** Changes to one party, with its figures, for the party page. */
export const PartyChangedSubscription = graphql(`
  subscription PartyChanged($id: ID!) {
    partyChanged(id: $id) {
      kind
      party {
        ...PartyDetailFields
      }
      actor {
        ...UserNameFields
      }
    }
  }
`);

/** Names and sub-region, based on the version the user saw; a stale version answers CONFLICT. */
export const UpdatePartyMutation = graphql(`
  mutation UpdateParty($id: ID!, $expectedVersion: Int!, $input: UpdatePartyInput!) {
    updateParty(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...PartyDetailFields
    }
  }
`);

/** Records a population figure; the answer carries the party's new latest figure. */
export const AddPopulationFigureMutation = graphql(`
  mutation AddPopulationFigure($partyId: ID!, $input: PopulationFigureInput!) {
    addPopulationFigure(partyId: $partyId, input: $input) {
      ...PartyDetailFields
    }
  }
`);
