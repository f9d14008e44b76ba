/**
 * Flags to contract requests: a command checks what was typed with the contract's own request schemas, so the
 * command line accepts exactly what the screen may send, and a refused value names the flag (exit status 2).
 */
import { z } from 'zod';
import { UsageError } from './types';

/** Where a request field came from on the command line, to name it when the contract refuses its value. */
export interface FlagSource {
  flag: string;
  /** The text typed, quoted back in the message. */
  given?: string | undefined;
  /** What the flag takes, when the schema's own words are not clear enough for a person. */
  expect?: string;
  /** Added after what it takes, e.g. "(0 = any free port)". */
  hint?: string;
}

/** A number typed on the command line; empty text is not 0. */
export function num(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return /^\s*$/.test(text) ? Number.NaN : Number(text);
}

type JsonSchemaNode = { type?: string | string[]; minimum?: number; maximum?: number; enum?: unknown[]; properties?: Record<string, JsonSchemaNode>; anyOf?: JsonSchemaNode[] };

/** The node of a JSON schema at a request path (through objects and optional/nullable unions). */
function nodeAt(root: JsonSchemaNode, path: ReadonlyArray<PropertyKey>): JsonSchemaNode | undefined {
  let n: JsonSchemaNode | undefined = root;
  for (const key of path) {
    if (!n) return undefined;
    const inObject: JsonSchemaNode | undefined = n.properties?.[String(key)] ?? n.anyOf?.map((a) => a.properties?.[String(key)]).find(Boolean);
    n = inObject;
  }
  return n?.anyOf?.find((a) => a.type !== 'null') ?? n;
}

function orList(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** What a field takes, in words, from its schema: "a number from 1 to 65535", "auto, js or native". */
function expected(node: JsonSchemaNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.enum) return orList(node.enum.map(String));
  if (node.type === 'integer' || node.type === 'number') {
    if (node.minimum !== undefined && node.maximum !== undefined) return `a number from ${node.minimum} to ${node.maximum}`;
    if (node.minimum !== undefined) return `a number of at least ${node.minimum}`;
    return 'a number';
  }
  return undefined;
}

/**
 * Check a contract request built from flags with the contract's own schema (ports with PortSchema, addresses
 * with Ipv4Schema…). A value the schema refuses is a usage mistake that names the flag:
 * `--port must be a number from 1 to 65535, not "abc"`.
 */
export function requestFromFlags<S extends z.ZodType>(schema: S, payload: unknown, flags: Record<string, FlagSource> = {}): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  let json: JsonSchemaNode | undefined;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path.map(String).join('.');
    // the flag of the field, or of the list it is an item of (`partitions.0` → `partitions`)
    let f: FlagSource | undefined;
    for (let n = issue.path.length; n > 0 && !f; n--) f = flags[issue.path.slice(0, n).map(String).join('.')];
    if (!f) return `${key || 'request'}: ${issue.message}`;
    json ??= z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
    const what = f.expect ?? expected(nodeAt(json, issue.path)) ?? issue.message.replace(/^Invalid input: /, '');
    return `${f.flag} must be ${what}${f.hint ? ` ${f.hint}` : ''}${f.given !== undefined ? `, not "${f.given}"` : ''}`;
  });
  throw new UsageError([...new Set(problems)].join('; '));
}
