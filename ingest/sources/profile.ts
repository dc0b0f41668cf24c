import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { RecordKind } from '../../src/schemas/record.js';
import { parsePath, PathError, type Step } from './paths.js';
import { parseTransform, TARGET_NAMES, TARGETS, type Target, type TransformSpec } from './transforms.js';

/**
 * A field-mapping profile: which source field feeds which canonical field, through which
 * transforms. Validated with zod; every problem is reported with the key that holds it, e.g.
 * `fields[3].transform[1]: unknown transform "measurement"`.
 */

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const FieldSchema = z
  .object({
    to: z.enum(TARGET_NAMES as [Target, ...Target[]]),
    from: oneOrMany,
    transform: oneOrMany.optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const froms = Array.isArray(f.from) ? f.from : [f.from];
    froms.forEach((from, j) => {
      try {
        parsePath(from);
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: Array.isArray(f.from) ? ['from', j] : ['from'], message: err instanceof PathError ? err.message : String(err) });
      }
    });
    const names = f.transform === undefined ? [] : Array.isArray(f.transform) ? f.transform : [f.transform];
    names.forEach((name, j) => {
      const path = Array.isArray(f.transform) ? ['transform', j] : ['transform'];
      const spec = parseTransform(name);
      if (typeof spec === 'string') return ctx.addIssue({ code: 'custom', path, message: spec });
      if (spec.stage !== 'parse') return;
      const allowed: readonly string[] = TARGETS[f.to].parse;
      if (!allowed.includes(spec.name)) {
        const hint = allowed.length ? `use one of: ${allowed.join(', ')}` : 'this target takes text as is';
        ctx.addIssue({ code: 'custom', path, message: `transform "${spec.name}" cannot feed "${f.to}" (${hint})` });
      } else if (j !== names.length - 1) {
        ctx.addIssue({ code: 'custom', path, message: `parse transform "${spec.name}" must come last` });
      }
    });
  });

const STRING_TARGETS = TARGET_NAMES.filter((t) => TARGETS[t].type === 'string' || TARGETS[t].type === 'strings');

export const ProfileSchema = z
  .object({
    /** Source name: record ids are `<source>:<native id>`; incremental runs are scoped by it. */
    source: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _'),
    kind: RecordKind.default('inventory'),
    format: z.enum(['csv', 'ndjson', 'json']).optional(),
    delimiter: z.string().length(1).optional(),
    /** Language of the source's text, ISO 639-1. */
    lang: z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as en').default('en'),
    /** Path of the native id. */
    id: z
      .string()
      .min(1, 'must name the field holding the native id')
      .refine((id) => id === '' || isPath(id), 'not a valid field path'),
    /** Fixed values for string targets, e.g. the holding institution. */
    constants: z.partialRecord(z.enum(STRING_TARGETS as [Target, ...Target[]]), z.string().min(1)).default({}),
    fields: z.array(FieldSchema).min(1),
  })
  .strict();

function isPath(text: string): boolean {
  try {
    parsePath(text);
    return true;
  } catch {
    return false;
  }
}

export type ProfileInput = z.input<typeof ProfileSchema>;
export type Profile = z.output<typeof ProfileSchema>;

export interface CompiledField {
  to: Target;
  from: { path: string; steps: Step[] }[];
  list: Extract<TransformSpec, { stage: 'list' }>[];
  parse?: Extract<TransformSpec, { stage: 'parse' }>;
}

export interface CompiledProfile extends Omit<Profile, 'fields' | 'id'> {
  id: { path: string; steps: Step[] };
  fields: CompiledField[];
}

export class ProfileError extends Error {
  constructor(readonly where: string, readonly issues: { key: string; message: string }[]) {
    super(`invalid mapping profile ${where}:\n` + issues.map((i) => `  ${i.key || '(root)'}: ${i.message}`).join('\n'));
    this.name = 'ProfileError';
  }
}

function keyOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : (i ? '.' : '') + String(p))).join('');
}

/** Validates a parsed profile; throws ProfileError naming every bad key. */
export function compileProfile(input: unknown, where = '(inline)'): CompiledProfile {
  const r = ProfileSchema.safeParse(input);
  if (!r.success) throw new ProfileError(where, r.error.issues.map((i) => ({ key: keyOf(i.path), message: i.message })));
  const p = r.data;
  return {
    ...p,
    id: { path: p.id, steps: parsePath(p.id) },
    fields: p.fields.map((f) => {
      const specs = (f.transform === undefined ? [] : Array.isArray(f.transform) ? f.transform : [f.transform]).map(
        (t) => parseTransform(t) as TransformSpec,
      );
      const parse = specs.find((s): s is Extract<TransformSpec, { stage: 'parse' }> => s.stage === 'parse');
      return {
        to: f.to,
        from: (Array.isArray(f.from) ? f.from : [f.from]).map((path) => ({ path, steps: parsePath(path) })),
        list: specs.filter((s): s is Extract<TransformSpec, { stage: 'list' }> => s.stage === 'list'),
        ...(parse ? { parse } : {}),
      };
    }),
  };
}

export async function loadProfile(file: string): Promise<CompiledProfile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new ProfileError(file, [{ key: '', message: `cannot read a JSON profile: ${(err as Error).message}` }]);
  }
  return compileProfile(json, file);
}
