import { graphql } from '../../graphql/generated';

/** The co-editing transport (DocumentSync) over urql; client.ts sends the push on the WebSocket, not over HTTP. */
export const PushDocumentUpdateMutation = graphql(`
  mutation PushDocumentUpdate($documentId: ID!, $update: String!, $clientId: String) {
    pushDocumentUpdate(documentId: $documentId, update: $update, clientId: $clientId)
  }
`);

export const DocumentUpdatedSubscription = graphql(`
  subscription DocumentUpdated($documentId: ID!, $stateVector: String, $clientId: String) {
    documentUpdated(documentId: $documentId, stateVector: $stateVector, clientId: $clientId) {
      update
      version
      stateVector
    }
  }
`);

export const DocumentStateQuery = graphql(`
  query DocumentState($id: ID!, $stateVector: String) {
    documentState(id: $id, stateVector: $stateVector)
  }
`);

export const PushAwarenessMutation = graphql(`
  mutation PushAwareness($documentId: ID!, $update: String!) {
    pushAwarenessUpdate(documentId: $documentId, update: $update)
  }
`);

export const AwarenessUpdatedSubscription = graphql(`
  subscription AwarenessUpdated($documentId: ID!) {
    awarenessUpdated(documentId: $documentId) {
      update
    }
  }
`);
