import {
  commands,
  isCommandName,
  type CommandArgs,
  type CommandName,
  type CommandReply,
  type InvokeResult,
} from '../../src-shared/contract';
import { RbFault, toErrorShape, type RbErrorShape } from '../../src-shared/errors';
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
  return {
    code: shape.reason === 'depth' ? 'TOO_DEEP' : 'TOO_COMPLEX',
    message: 'The request was refused: it is far more complex than any request Rescue Bench sends.',
    meaning: 'It was not sent by the Rescue Bench screen, or the screen has a fault. Nothing was done.',
    fix: 'Reload the page or restart Rescue Bench. If a script sent it, send plain values as the contract describes.',
    details:
      shape.reason === 'depth'
        ? `${name}: values nested more than ${MAX_REQUEST_DEPTH} levels deep`
        : `${name}: more than ${MAX_REQUEST_CONTAINERS} arrays and objects`,
  };
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
      error: {
        code: 'UNKNOWN_COMMAND',
        message: 'The workstation does not know that command.',
        meaning: 'The screen and the workstation are probably from different versions.',
        fix: 'Reload the page or restart Rescue Bench.',
        details: `command: ${String(name).slice(0, 128)}`,
      },
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
        error: {
          code: 'BAD_REQUEST',
          message: 'The request was not understood.',
          meaning: 'Some of the values sent with it are missing or have the wrong form. Nothing was done.',
          fix: 'Check the values you entered and try again.',
          details: `${name}: ${issuesToText(parsed.error.issues)}`,
        },
      };
    }
    const handler = handlers[name] as (a: unknown, c: CallContext) => Promise<unknown> | unknown;
    const value = await handler(parsed.data, ctx);
    const checked = spec.reply.safeParse(value);
    if (!checked.success) {
      return {
        ok: false,
        error: toErrorShape(
          new RbFault({
            code: 'BAD_REPLY',
            message: 'The workstation produced an answer the screen cannot read.',
            details: `${name}: ${issuesToText(checked.error.issues)}`,
          }),
        ),
      };
    }
    return { ok: true, value: checked.data as CommandReply<CommandName> };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}
