import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SubmitButton } from './SubmitButton';

/** The submit button's own element (the design system puts its live "busy" text beside it). */
const button = (busy: boolean, label?: string) =>
  /<button[^>]*>/.exec(
    renderToStaticMarkup(
      <SubmitButton busy={busy} busyText="Lähetetään" label={label}>
        Lähetä
      </SubmitButton>,
    ),
  )?.[0];

describe('SubmitButton', () => {
  it('keeps its accessible name while busy', () => {
    expect(button(false, 'Lähetä liite: Asia 1')).toContain('aria-label="Lähetä liite: Asia 1"');
    expect(button(true, 'Lähetä liite: Asia 1')).toContain('aria-label="Lähetä liite: Asia 1"');
  });

  it('is named by its text when it has no label, busy or not', () => {
    expect(button(false)).not.toContain('aria-label');
    expect(button(true)).not.toContain('aria-label');
    expect(button(true)).toContain('aria-disabled="true"');
  });
});
