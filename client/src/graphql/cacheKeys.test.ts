import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { keys } from './cacheKeys';

const schemaDir = path.resolve(__dirname, '../../../schema');
const schema = buildSchema(
  readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(path.join(schemaDir, file), 'utf8'))
    .join('\n'),
);
const roots = new Set(['Query', 'Mutation', 'Subscription']);
const objectTypes = Object.values(schema.getTypeMap()).filter(
  (type) => isObjectType(type) && !type.name.startsWith('__') && !roots.has(type.name),
);

describe('graphcache keys', () => {
  it('names every object type without an id, so the cache neither warns nor merges them by a missing key', () => {
    const unkeyed = objectTypes
      .filter((type) => isObjectType(type) && !('id' in type.getFields()) && !(type.name in keys))
      .map((type) => type.name);
    expect(unkeyed).toEqual([]);
  });

  it('names only types the schema has', () => {
    const names = new Set(objectTypes.map((type) => type.name));
    expect(Object.keys(keys).filter((name) => !names.has(name))).toEqual([]);
  });
});
