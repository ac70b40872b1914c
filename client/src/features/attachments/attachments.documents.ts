import { graphql } from '../../graphql/generated';

/** What the attachments list shows of one file. */
export const AttachmentFields = graphql(`
  fragment AttachmentFields on Attachment {
    id
    name
    size
    contentType
    createdAt
    downloadUrl
    createdBy {
      ...UserNameFields
    }
  }
`);

/** What the caller may do with a record's files; the panel asks the same of every kind of record. */
export const AttachmentPermissionsFields = graphql(`
  fragment AttachmentPermissionsFields on AttachmentPermissions {
    read
    upload
  }
`);

/**
 * A need's files and what the reader may do with them: the panel's query and the need page's live event
 * (needs.documents.ts) select the same, so an upload, a deletion or a newly named lead shows at once.
 */
export const NeedAttachmentsFields = graphql(`
  fragment NeedAttachmentsFields on ServiceNeed {
    attachments {
      ...AttachmentFields
    }
    attachmentPermissions {
      ...AttachmentPermissionsFields
    }
  }
`);

export const NeedAttachmentsQuery = graphql(`
  query NeedAttachments($id: ID!) {
    serviceNeed(id: $id) {
      id
      ...NeedAttachmentsFields
    }
  }
`);

export const AgreementAttachmentsQuery = graphql(`
  query AgreementAttachments($id: ID!) {
    agreement(id: $id) {
      id
      attachments {
        ...AttachmentFields
      }
      attachmentPermissions {
        ...AttachmentPermissionsFields
      }
    }
  }
`);

/** A meeting's items with their files: every item's panel asks the same, so urql sends it once. */
export const MeetingItemAttachmentsQuery = graphql(`
  query MeetingItemAttachments($id: ID!) {
    meeting(id: $id) {
      id
      agenda {
        id
        attachments {
          ...AttachmentFields
        }
        attachmentPermissions {
          ...AttachmentPermissionsFields
        }
      }
    }
  }
`);

/** The public files of published minutes (no sign-in needed). */
export const PublishedAttachmentsQuery = graphql(`
  query PublishedAttachments($meetingId: ID!) {
    publishedMinutes(meetingId: $meetingId) {
      meetingId
      attachments {
        itemSection
        itemTitle
        attachment {
          ...AttachmentFields
        }
      }
    }
  }
`);

export const DeleteAttachmentMutation = graphql(`
  mutation DeleteAttachment($id: ID!) {
    deleteAttachment(id: $id) {
      id
    }
  }
`);
