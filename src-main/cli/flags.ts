/**
 * Flags to contract requests: a command checks what was typed with the contract's own request schemas, so the
 * command line accepts exactly what the screen may send, and a refused value names the flag (exit status 2).
 */
import { z } from 'zod';
import { UsageError } from './types';
import { english, sayIn, wordsMsg, wordsText, type MessageId, type Translate, type Words } from '../../src-shared/i18n';

/** Where a request field came from on the command line, to name it when the contract refuses its value. */
export interface FlagSource {
  flag: string;
  /** The text typed, quoted back in the message. */
  given?: string | undefined;
  /** What the flag takes, when the schema's own words are not clear enough for a person: `said(id)` of the command's capability. */
  expect?: Words;
  /** Added after what it takes, e.g. said('cli.flag.hint.anyPort'): "(0 = any free port)". */
  hint?: Words;
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

/** Words in the language of `t` (English as it came when they are not ours). */
const sayWords = (t: Translate, w: Words): string => sayIn(t, wordsMsg(w), wordsText(w));

function orList(t: Translate, items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : t('cli.flag.oneOf', { items: items.slice(0, -1).join(', '), last: items.at(-1)! });
}

/**
 * The contract schemas' own words for what a field takes (their regex messages, in English in the contract):
 * said in the person's language where the catalogue holds the same English; else as they came.
 */
const SCHEMA_WORDS: readonly MessageId[] = ['cli.flag.schema.ipv4', 'cli.flag.schema.host', 'cli.flag.schema.local', 'cli.flag.schema.sha256'];
function schemaWords(t: Translate, message: string): string {
  const id = SCHEMA_WORDS.find((x) => english(x) === message);
  return id ? t(id) : message;
}

/** What a field takes, in words, from its schema: "a number from 1 to 65535", "auto, js or native". */
function expected(t: Translate, node: JsonSchemaNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.enum) return orList(t, node.enum.map(String));
  if (node.type === 'integer' || node.type === 'number') {
    // numbers as strings: intl-messageformat would group them ("65,535")
    if (node.minimum !== undefined && node.maximum !== undefined) return t('cli.flag.number', { kind: 'range', min: String(node.minimum), max: String(node.maximum) });
    if (node.minimum !== undefined) return t('cli.flag.number', { kind: 'atLeast', min: String(node.minimum) });
    return t('cli.flag.number', { kind: 'any' });
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
  // each problem in the language of `t`: the English for --json, the person's language on the terminal (decision 0174)
  const problems = parsed.error.issues.map((issue): ((t: Translate) => string) => {
    const key = issue.path.map(String).join('.');
    // the flag of the field, or of the list it is an item of (`partitions.0` → `partitions`)
    let f: FlagSource | undefined;
    for (let n = issue.path.length; n > 0 && !f; n--) f = flags[issue.path.slice(0, n).map(String).join('.')];
    if (!f) return () => `${key || 'request'}: ${issue.message}`;
    json ??= z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
    const node = nodeAt(json, issue.path);
    const src = f;
    return (t) =>
      t('cli.flag.mustBe', {
        flag: src.flag,
        what: src.expect !== undefined ? sayWords(t, src.expect) : (expected(t, node) ?? schemaWords(t, issue.message.replace(/^Invalid input: /, ''))),
        hint: src.hint !== undefined ? sayWords(t, src.hint) : 'none',
        quoted: src.given !== undefined ? 'yes' : 'no',
        given: src.given ?? '',
      });
  });
  throw new UsageError((t) => [...new Set(problems.map((p) => p(t)))].join('; '));
}
