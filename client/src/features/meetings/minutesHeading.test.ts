import { describe, expect, it } from 'vitest';
import { minutesHeading } from './minutesHeading';

describe('minutesHeading', () => {
  it('does not repeat the body when the title already names it, and adds it otherwise', () => {
    expect(minutesHeading('Kuntakokous', 'Kuntakokous 1/2026')).toBe('Kuntakokous 1/2026');
    expect(minutesHeading('Kuntakokous', 'Ylimääräinen kokous')).toBe('Kuntakokous: Ylimääräinen kokous');
  });
});
