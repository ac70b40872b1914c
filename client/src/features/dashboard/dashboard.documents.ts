import { graphql } from '../../graphql/generated';

/** The rows of needStatistics as every chart reads them. */
export const NeedStatisticsFields = graphql(`
  fragment NeedStatisticsFields on NeedStatisticsRow {
    keys {
      dimension
      value
      label
    }
    count
    estimatedResidents
  }
`);

/** Needs by theme and status, by status (the total), by municipality; and the register's total for the same filter. */
export const DashboardNeedsQuery = graphql(`
  query DashboardNeeds($filter: ServiceNeedFilter) {
    byThemeStatus: needStatistics(groupBy: [THEME, STATUS], filter: $filter) {
      ...NeedStatisticsFields
    }
    byStatus: needStatistics(groupBy: [STATUS], filter: $filter) {
      ...NeedStatisticsFields
    }
    register: serviceNeeds(filter: $filter, first: 1) {
      totalCount
    }
  }
`);

export const DashboardMunicipalitiesQuery = graphql(`
  query DashboardMunicipalities($filter: ServiceNeedFilter) {
    byMunicipality: needStatistics(groupBy: [MUNICIPALITY], filter: $filter) {
      ...NeedStatisticsFields
    }
  }
`);

/** The filters' choices and the parties (codes place municipalities on the tile map). */
export const DashboardOptionsQuery = graphql(`
  query DashboardOptions {
    themes {
      ...ThemeNameFields
    }
    parties {
      id
      kind
      code
      subRegion
      names {
        ...LocalizedTextFields
      }
    }
  }
`);

export const DashboardActionsQuery = graphql(`
  query DashboardActions($filter: ServiceNeedFilter) {
    actionStatistics(filter: $filter) {
      party {
        id
        kind
        names {
          ...LocalizedTextFields
        }
      }
      total
      planned
      inProgress
      done
      cancelled
      overdue
      completionRate
      needs
      estimatedResidents
    }
  }
`);

export const DashboardRatificationsQuery = graphql(`
  query DashboardRatifications {
    ratificationStatistics {
      agreement {
        id
        title
        titles {
          ...LocalizedTextFields
        }
        type
      }
      progress {
        ...RatificationProgressFields
      }
      ratifiedShare
      ratifiedPopulation
      totalPopulation
    }
  }
`);

/** The rows of resolutionTimes as the chart reads them. */
export const ResolutionTimeFields = graphql(`
  fragment ResolutionTimeFields on ResolutionTimeRow {
    keys {
      dimension
      value
      label
    }
    count
    medianDays
    averageDays
    estimatedResidents
  }
`);

export const DashboardResolutionQuery = graphql(`
  query DashboardResolution($filter: ServiceNeedFilter) {
    overall: resolutionTimes(groupBy: [], filter: $filter) {
      ...ResolutionTimeFields
    }
    byTheme: resolutionTimes(groupBy: [THEME], filter: $filter) {
      ...ResolutionTimeFields
    }
  }
`);

/** One value of an indicator's series (a year, a gender, a party). */
export const IndicatorValueFields = graphql(`
  fragment IndicatorValueFields on IndicatorValue {
    year
    gender
    value
    party {
      id
    }
  }
`);

export const DashboardIndicatorsQuery = graphql(`
  query DashboardIndicators($partyIds: [ID!]) {
    indicators {
      ...IndicatorFields
      values(partyIds: $partyIds) {
        ...IndicatorValueFields
      }
    }
  }
`);

/** A need's indicators: baseline, target, latest value and the party's series for a sparkline. */
export const NeedIndicatorTargetsQuery = graphql(`
  query NeedIndicatorTargets($id: ID!) {
    serviceNeed(id: $id) {
      id
      indicatorTargets {
        indicator {
          ...IndicatorFields
          values {
            ...IndicatorValueFields
          }
        }
        party {
          ...PartyNameFields
        }
        baselineYear
        baselineValue
        targetYear
        targetValue
        latest {
          year
          value
        }
        note
        version
        updatedAt
      }
    }
  }
`);

export const ImportIndicatorValuesMutation = graphql(`
  mutation ImportIndicatorValues($csv: String!, $source: String) {
    importIndicatorValues(csv: $csv, source: $source) {
      imported
      indicators {
        ...IndicatorFields
      }
      skipped {
        line
        reason
        code
        value
      }
    }
  }
`);

/** The indicators a need's target may name. */
export const TargetIndicatorOptionsQuery = graphql(`
  query TargetIndicatorOptions {
    indicators {
      ...IndicatorFields
    }
  }
`);

/** Sets (or replaces) a need's baseline and target for one indicator. */
export const SetNeedIndicatorTargetMutation = graphql(`
  mutation SetNeedIndicatorTarget($input: NeedIndicatorTargetInput!) {
    setNeedIndicatorTarget(input: $input) {
      indicator {
        id
      }
      party {
        id
      }
      baselineYear
      baselineValue
      targetYear
      targetValue
      version
    }
  }
`);
