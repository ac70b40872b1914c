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

export const NeedAttachmentsQuery = graphql(`
  query NeedAttachments($id: ID!) {
    serviceNeed(id: $id) {
      id
      attachments {
        ...AttachmentFields
      }
      attachmentPermissions {
        read
        upload
      }
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
        read
        upload
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
          read
          upload
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
