import type { Browser } from 'wxt/browser';
import { RequestSchema, type Envelope, type Request } from '@/lib/protocol';
import { identifyCaller, isCallersPage, type Caller, type CallerEnv } from './callers';
import type { HandlerContext } from './context';
import type { HandlerEntry } from './handler';
import { handlers } from './index';

/** Why `caller` may not send `request`, or null when it may. */
export function refusal(request: Request, caller: Caller | null): string | null {
  if (!caller) return `Council Lens refused ${request.type}: it came from neither a Council Lens page nor a page Council Lens reads.`;
  const entry = handlers[request.type] as Pick<HandlerEntry<Request['type']>, 'from'>;
  if (!entry.from.includes(caller.from)) {
    const who = caller.from === 'pages' ? 'a Council Lens page' : `the ${caller.from} content script`;
    return `Council Lens refused ${request.type} from ${who}: it is not something that page asks for.`;
  }
  const about = (handlers[request.type] as { about?: (request: Request) => string }).about;
  if (about && !isCallersPage(about(request), caller)) {
    return `Council Lens refused ${request.type} from the ${caller.from} content script: a page may only ask about itself.`;
  }
  return null;
}

/**
 * One message in, one envelope out: the message is validated (a compromised renderer can forge
 * anything), its sender checked against the registry's `from` and `about`, then handled. A bad
 * message, a refusal or a failed handler all answer `{ ok: false, error }`, never a crash.
 */
export async function dispatch(message: unknown, sender: Browser.runtime.MessageSender, context: HandlerContext, env: CallerEnv): Promise<Envelope<unknown>> {
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: `Invalid message: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
  const request = parsed.data;
  const caller = identifyCaller(sender, env);
  const refused = refusal(request, caller);
  if (refused || !caller) return { ok: false, error: refused ?? 'Council Lens refused the message.' };
  const handle = handlers[request.type].handle as (request: Request, context: HandlerContext, caller: Caller) => Promise<unknown>;
  try {
    return { ok: true, value: await handle(request, context, caller) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
