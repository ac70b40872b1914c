import { Checkbox } from 'suomifi-ui-components';
import type { Role } from '../../graphql/generated/graphql';
import { roleLabel } from '../../i18n/enumLabels';
import { useI18n } from '../../i18n/useI18n';

/** Every standing role, in the schema's order. */
export const ALL_ROLES: readonly Role[] = ['SECRETARIAT', 'PARTY_REPRESENTATIVE', 'ANALYST'];

/** The standing roles as a group of checkboxes under one legend. */
export function RoleCheckboxes({
  id,
  legend,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="yp-roles" id={id}>
      <legend className="yp-roles__legend">{legend}</legend>
      {ALL_ROLES.map((role) => (
        <Checkbox
          key={role}
          id={`${id}-${role}`}
          checked={value.includes(role)}
          onClick={({ checkboxState }) => onChange(checkboxState ? [...value, role] : value.filter((r) => r !== role))}
        >
          {roleLabel(t, role)}
        </Checkbox>
      ))}
    </fieldset>
  );
}
