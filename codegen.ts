import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Schema-first: schema/*.graphql is the source. The server gets resolver types
 * whose parents are database rows (mappers); the client gets typed documents.
 * Both outputs are git-ignored and made by `npm install`, build and test.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  ignoreNoDocuments: true,
  generates: {
    'server/graphql/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../context.js#GraphQLContext',
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'Date | string', JSON: 'unknown', ID: 'string' },
        mappers: {
          Party: '../mappers.js#PartyRow',
          PopulationFigure: '../mappers.js#PopulationFigureRow',
          Theme: '../mappers.js#ThemeRow',
          User: '../mappers.js#UserRow',
          ApiToken: '../mappers.js#ApiTokenRow',
          PartyEvent: '../mappers.js#PartyEventModel',
          Document: '../mappers.js#DocumentRow',
          DocumentUpdate: '../mappers.js#DocumentUpdateModel',
          ChangeEvent: '../mappers.js#ChangeEventRow',
          ChangeEventConnection: '../mappers.js#ChangeEventConnectionModel',
          Disclosure: '../mappers.js#DisclosureRow',
          Person: '../mappers.js#PersonRow',
          CooperationBody: '../mappers.js#CooperationBodyRow',
          Membership: '../mappers.js#MembershipRow',
          Agreement: '../mappers.js#AgreementRow',
          AgreementSection: '../mappers.js#AgreementSectionRow',
          Ratification: '../mappers.js#RatificationRow',
          RatificationProgress: '../mappers.js#RatificationProgressModel',
          Negotiation: '../mappers.js#NegotiationRow',
          CooperationBodyEvent: '../mappers.js#CooperationBodyEventModel',
          AgreementEvent: '../mappers.js#AgreementEventModel',
          NegotiationEvent: '../mappers.js#NegotiationEventModel',
          ServiceNeed: '../mappers.js#ServiceNeedModel',
          Responsibility: '../mappers.js#ResponsibilityRow',
          Action: '../mappers.js#ActionRow',
          NeedComment: '../mappers.js#CommentRow',
          NeedHistoryEntry: '../mappers.js#NeedHistoryModel',
          FieldProvenance: '../mappers.js#FieldProvenanceModel',
          ServiceNeedEvent: '../mappers.js#ServiceNeedEventModel',
          Meeting: '../mappers.js#MeetingModel',
          AgendaItem: '../mappers.js#AgendaItemModel',
          Attendance: '../mappers.js#AttendanceRow',
          Presence: '../mappers.js#PresenceModel',
          MeetingEvent: '../mappers.js#MeetingEventModel',
          AwarenessUpdate: '../mappers.js#AwarenessUpdateModel',
          PublishedMinutes: '../mappers.js#PublishedMinutesModel',
          MinutesChecker: '../mappers.js#MinutesCheckerRow',
          AppealInstructions: '../mappers.js#AppealInstructionsModel',
          DimensionValue: '../mappers.js#DimensionValueModel',
          NeedStatisticsRow: '../mappers.js#NeedGroupModel',
          ResolutionTimeRow: '../mappers.js#ResolutionTimeModel',
          ActionStatisticsRow: '../mappers.js#ActionStatisticsModel',
          RatificationStatisticsRow: '../mappers.js#RatificationStatisticsModel',
          Notification: '../mappers.js#NotificationRow',
          AttendanceStatisticsRow: '../mappers.js#AttendanceStatisticsModel',
          Indicator: '../mappers.js#IndicatorRow',
          IndicatorValue: '../mappers.js#IndicatorValueRow',
          NeedIndicatorTarget: '../mappers.js#NeedIndicatorTargetRow',
          IndicatorImportResult: '../mappers.js#IndicatorImportModel',
        },
      },
    },
    'client/src/graphql/generated/': {
      preset: 'client',
      documents: ['client/src/**/*.{ts,tsx}', '!client/src/graphql/generated/**'],
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown', ID: 'string' },
      },
    },
  },
};

export default config;
