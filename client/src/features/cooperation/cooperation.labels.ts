import type {
  AgreementSectionKind,
  AgreementType,
  Cadence,
  CooperationTier,
  MemberCapacity,
  MemberRole,
  NegotiationKind,
  RatificationOutcome,
} from '../../graphql/generated/graphql';
import type { Translate } from '../../i18n/i18n';

// Keys are built from the schema's enums: a new enum value without a label is a compile error.
export const tierLabel = (t: Translate, v: CooperationTier) => t(`coop.tier.${v}`);
export const cadenceLabel = (t: Translate, v: Cadence) => t(`coop.cadence.${v}`);
export const roleLabel = (t: Translate, v: MemberRole) => t(`coop.role.${v}`);
export const capacityLabel = (t: Translate, v: MemberCapacity) => t(`coop.capacity.${v}`);
export const agreementTypeLabel = (t: Translate, v: AgreementType) => t(`agr.type.${v}`);
export const outcomeLabel = (t: Translate, v: RatificationOutcome) => t(`agr.outcome.${v}`);
export const sectionKindLabel = (t: Translate, v: AgreementSectionKind) => t(`agr.sectionKind.${v}`);
export const negotiationKindLabel = (t: Translate, v: NegotiationKind) => t(`agr.negKind.${v}`);

/** The tiers, highest first (the rows of the structure picture). */
export const tiers: readonly CooperationTier[] = ['STRATEGIC', 'STEERING', 'COORDINATION', 'OPERATIONAL'];
export const memberRoles: readonly MemberRole[] = [
  'CHAIR',
  'VICE_CHAIR',
  'MEMBER',
  'DEPUTY_MEMBER',
  'SECRETARY',
  'PRESENTER',
  'EXPERT',
  'OBSERVER',
];
export const capacities: readonly MemberCapacity[] = ['ELECTED_OFFICIAL', 'OFFICE_HOLDER'];
export const outcomes: readonly RatificationOutcome[] = ['APPROVED', 'APPROVED_WITH_CHANGES', 'REJECTED', 'PENDING'];
export const cadences: readonly Cadence[] = ['PER_COUNCIL_TERM', 'ANNUAL', 'BIANNUAL', 'QUARTERLY', 'MONTHLY', 'AD_HOC'];
export const agreementTypes: readonly AgreementType[] = [
  'FRAMEWORK',
  'STRATEGIC_COOPERATION',
  'INTERFACE_PLAN',
  'COOPERATION_PROTOCOL',
  'EMPLOYMENT_AREA_AGREEMENT',
];
export const negotiationKinds: readonly NegotiationKind[] = ['HYTE_ANNUAL', 'COUNCIL_TERM'];
export const sectionKinds: readonly AgreementSectionKind[] = ['PRINCIPLES', 'OPERATING_MODEL', 'GOALS', 'OTHER'];
