import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useDecisionForm } from './useDecisionForm';

type Item = Parameters<typeof useDecisionForm>[0];
type Hook = ReturnType<typeof useDecisionForm>;

/** A vote recorded at version 3. */
const voted: Item = { decisionMode: 'VOTE', votes: { for: 4, against: 2, abstain: 0 }, version: 3 };

/**
 * Renders the hook for `item`; `act` runs once, in the first render (a render-phase update: React renders again at
 * once, as it would after a click). Hands back what the form shows after the last render.
 */
function render(item: Item, act?: (form: Hook) => void): Hook {
  let acted = false;
  let shown: Hook | undefined;
  function Form() {
    shown = useDecisionForm(item);
    if (act && !acted) {
      acted = true;
      act(shown);
    }
    return null;
  }
  renderToStaticMarkup(<Form />);
  if (!shown) throw new Error('the form did not render');
  return shown;
}

const read = ({ mode, votes, version }: Hook) => ({ mode, votes, version });

describe('useDecisionForm', () => {
  it('reads the recorded decision, at its version, while not edited', () => {
    expect(read(render(voted))).toEqual({ mode: 'VOTE', votes: { for: 4, against: 2, abstain: 0 }, version: 3 });
    expect(read(render({ decisionMode: null, votes: null, version: 1 }))).toEqual({
      mode: 'UNANIMOUS',
      votes: { for: 0, against: 0, abstain: 0 },
      version: 1,
    });
  });

  it("keeps the user's edits, sent against the version they were made at", () => {
    const form = render(voted, (f) => {
      f.setVote('against', 1);
      f.setMode('TABLED');
    });
    expect(read(form)).toEqual({ mode: 'TABLED', votes: { for: 4, against: 1, abstain: 0 }, version: 3 });
  });

  it("after a conflict with no edits, sends the form against the refusal's version (the cache may not hold it yet)", () => {
    expect(read(render(voted, (f) => f.rebase(5)))).toEqual({
      mode: 'VOTE',
      votes: { for: 4, against: 2, abstain: 0 },
      version: 5,
    });
  });

  it("after a conflict keeps the user's edits, against the refusal's version", () => {
    const form = render(voted, (f) => {
      f.setMode('NOTED');
      f.rebase(5);
    });
    expect(read(form)).toEqual({ mode: 'NOTED', votes: { for: 4, against: 2, abstain: 0 }, version: 5 });
  });

  it('follows the recorded decision again once the edits were recorded', () => {
    const form = render(voted, (f) => {
      f.setMode('NOTED');
      f.rebase(5);
      f.reset();
    });
    expect(read(form)).toEqual({ mode: 'VOTE', votes: { for: 4, against: 2, abstain: 0 }, version: 3 });
  });
});
