import {
  commands,
  isCommandName,
  type CommandArgs,
  type CommandName,
  type CommandReply,
  type InvokeResult,
} from '../../src-shared/contract';
import { fault, toErrorShape, type RbErrorShape } from '../../src-shared/errors';
import { MAX_REQUEST_CONTAINERS, MAX_REQUEST_DEPTH, requestShapeProblem, type ShapeProblem } from '../../src-shared/contract/json-limits';

export interface CallContext {
  /** Which transport the call came from, for logs and journals. */
  transport: 'electron' | 'bench-server' | 'cli' | 'test';
}

export type Handlers = {
  [K in CommandName]: (args: CommandArgs<K>, ctx: CallContext) => Promise<CommandReply<K>> | CommandReply<K>;
};

/** The handlers of one capability: exactly the commands of its contract file. */
export type CapabilityHandlers<C extends object> = { [K in keyof C & CommandName]: Handlers[K] };

function tooComplexFault(name: string, shape: ShapeProblem): RbErrorShape {
  return fault(shape.reason === 'depth' ? 'TOO_DEEP' : 'TOO_COMPLEX', {}, {
    details:
      shape.reason === 'depth'
        ? `${name}: values nested more than ${MAX_REQUEST_DEPTH} levels deep`
        : `${name}: more than ${MAX_REQUEST_CONTAINERS} arrays and objects`,
  }).toShape();
}

function issuesToText(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 10)
    .map((i) => `${i.path.map(String).join('.') || '(request)'}: ${i.message}`)
    .join('; ');
}

/**
 * Run one command through the contract: check the request's shape (depth, size), validate it, call the
 * handler, validate the reply. Never throws or rejects: every failure, validation's own included, becomes an
 * error reply with the three-part shape.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  payload: unknown,
  ctx: CallContext,
): Promise<InvokeResult<CommandName>> {
  if (!isCommandName(name)) {
    return {
      ok: false,
      error: fault('UNKNOWN_COMMAND', {}, { details: `command: ${String(name).slice(0, 128)}` }).toShape(),
    };
  }
  const spec = commands[name];
  try {
    // Before the schema: zod walks nested values recursively, and a few thousand levels overflow the stack.
    const shape = requestShapeProblem(payload);
    if (shape) return { ok: false, error: tooComplexFault(name, shape) };
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: fault('BAD_REQUEST', {}, { details: `${name}: ${issuesToText(parsed.error.issues)}` }).toShape(),
      };
    }
    const handler = handlers[name] as (a: unknown, c: CallContext) => Promise<unknown> | unknown;
    const value = await handler(parsed.data, ctx);
    const checked = spec.reply.safeParse(value);
    if (!checked.success) {
      return {
        ok: false,
        error: toErrorShape(
          fault('BAD_REPLY', {}, { details: `${name}: ${issuesToText(checked.error.issues)}` }),
        ),
      };
    }
    return { ok: true, value: checked.data as CommandReply<CommandName> };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}
