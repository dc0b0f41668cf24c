import { readFileSync } from 'node:fs';
import { isNotFound, type Es, type estypes } from '../../src/es/client.js';

/**
 * Versioned physical indices behind aliases: `<alias>-v<epoch ms>` built from `mappings/<name>.json`
 * (the single source for index creation), and the alias moves between them atomically.
 */

export type MappingName = 'objects' | 'lists';

export interface IndexDefinition {
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
}

const cache = new Map<MappingName, IndexDefinition>();

export function indexDefinition(name: MappingName): IndexDefinition {
  let def = cache.get(name);
  if (!def) {
    def = JSON.parse(readFileSync(new URL(`../../mappings/${name}.json`, import.meta.url), 'utf8')) as IndexDefinition;
    cache.set(name, def);
  }
  return structuredClone(def);
}

/** Physical indices the alias points at (empty when the alias does not exist). */
export async function aliasTargets(es: Es, alias: string): Promise<string[]> {
  try {
    const res = await es.indices.getAlias({ name: alias });
    return Object.keys(res).sort();
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
}

let lastStamp = 0;
function stamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

export interface CreateOptions {
  /** Settings overriding the mapping file's (e.g. refresh off during a full build). */
  settings?: estypes.IndicesIndexSettings;
  meta?: Record<string, unknown>;
  /** Attach the alias at creation, atomically with the index. */
  withAlias?: boolean;
}

/** Creates `<alias>-v<stamp>` from the mapping file; returns its name. */
export async function createVersionedIndex(es: Es, alias: string, name: MappingName, opts: CreateOptions = {}): Promise<string> {
  const def = indexDefinition(name);
  for (;;) {
    const index = `${alias}-v${stamp()}`;
    try {
      await es.indices.create({
        index,
        settings: { ...def.settings, ...opts.settings },
        mappings: { ...def.mappings, _meta: { ...def.mappings._meta, ...opts.meta } },
        ...(opts.withAlias ? { aliases: { [alias]: {} } } : {}),
      });
      return index;
    } catch (err) {
      if ((err as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type === 'resource_already_exists_exception') continue;
      throw err;
    }
  }
}

/**
 * Makes sure the alias exists, creating its first physical index when missing. When two processes
 * race, the alias could end up on two empty indices: the later one removes its own.
 */
export async function ensureAlias(es: Es, alias: string, name: MappingName): Promise<string> {
  const existing = await aliasTargets(es, alias);
  if (existing.length) {
    const index = existing[existing.length - 1] as string;
    await addNewFields(es, index, name);
    return index;
  }
  const concrete = await es.indices.exists({ index: alias });
  if (concrete) throw new Error(`"${alias}" is a concrete index, not an alias: delete it or choose another INDEX_PREFIX`);
  const index = await createVersionedIndex(es, alias, name, { withAlias: true });
  const now = await aliasTargets(es, alias);
  if (now.length > 1 && now[0] !== index) {
    await es.indices.delete({ index });
    return now[0] as string;
  }
  return index;
}

/**
 * An index built by an earlier version gets the fields the mapping file has gained since (the
 * mapping is strict, so a document with a new field would be refused); putting the fields it
 * already has changes nothing. A field whose definition changed cannot be updated in place.
 */
async function addNewFields(es: Es, index: string, name: MappingName): Promise<void> {
  try {
    await es.indices.putMapping({ index, properties: indexDefinition(name).mappings.properties ?? {} });
  } catch (err) {
    const reason = (err as { meta?: { body?: { error?: { reason?: string } } } }).meta?.body?.error?.reason ?? (err as Error).message;
    throw new Error(`${index} was built from another mapping than mappings/${name}.json (${reason}): rebuild it with --full`);
  }
}

/**
 * Points the alias at `next` only, in one atomic `updateAliases`, then deletes the old indices.
 * `expected` (the indices the alias pointed at when the build began) saves a round trip; if the
 * alias moved meanwhile the update is refused as a whole and retried with what it points at now.
 */
export async function swapAlias(es: Es, alias: string, next: string, expected?: string[]): Promise<string[]> {
  // An empty `expected` proves nothing (the alias may have appeared since): read it then.
  const known = expected !== undefined && expected.length > 0;
  let old = known ? expected : await aliasTargets(es, alias);
  for (let attempt = 0; ; attempt++) {
    old = old.filter((i) => i !== next);
    const actions: estypes.IndicesUpdateAliasesAction[] = [
      ...old.map((index) => ({ remove: { index, alias, must_exist: true } })),
      { add: { index: next, alias } },
    ];
    try {
      await es.indices.updateAliases({ actions });
      break;
    } catch (err) {
      if (attempt > 0 || !known) throw err;
      old = await aliasTargets(es, alias);
    }
  }
  if (old.length) await es.indices.delete({ index: old, ignore_unavailable: true });
  return old;
}
