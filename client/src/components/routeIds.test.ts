import { describe, expect, it } from 'vitest';
import { hasMalformedId, isIdParam, isUuid } from './routeIds';

describe('route ids', () => {
  it('knows a record id by its shape', () => {
    expect(isUuid('0d4f4c3e-8a51-4c8e-9a3b-2f1e5d6c7b8a')).toBe(true);
    expect(isUuid('0D4F4C3E-8A51-4C8E-9A3B-2F1E5D6C7B8A')).toBe(true);
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuid('0d4f4c3e-8a51-4c8e-9a3b-2f1e5d6c7b8')).toBe(false);
  });

  it('checks :id and :<name>Id only', () => {
    expect(isIdParam('id')).toBe(true);
    expect(isIdParam('goalId')).toBe(true);
    expect(isIdParam('token')).toBe(false);
    expect(isIdParam('*')).toBe(false);
    expect(hasMalformedId({ id: 'not-a-uuid' })).toBe(true);
    expect(hasMalformedId({ id: '0d4f4c3e-8a51-4c8e-9a3b-2f1e5d6c7b8a', goalId: '12' })).toBe(true);
    expect(hasMalformedId({ id: '0d4f4c3e-8a51-4c8e-9a3b-2f1e5d6c7b8a' })).toBe(false);
    expect(hasMalformedId({ token: 'abc', '*': 'x/y' })).toBe(false);
    expect(hasMalformedId({})).toBe(false);
  });
});
