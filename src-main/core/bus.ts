import type { EventName, EventPayload } from '../../src-shared/contract';

/**
 * `local`: for listeners in this process only (the CLI, the job records); the transports to a screen (bench
 * server, Electron) do not send it on, because another event told the screens the same in fewer bytes
 * (a playbook.run whose change went out as playbook.step; decision 0175).
 */
export type AnyEvent = { [K in EventName]: { name: K; payload: EventPayload<K>; local?: true } }[EventName];
type Listener = (e: AnyEvent) => void;

/**
 * The typed event bus between services and transports. Services emit; the Electron shell, the bench server
 * and the CLI subscribe. A listener that throws never stops delivery to the others.
 */
export class EventBus {
  private listeners = new Set<Listener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>, opts?: { local?: boolean }): void {
    const e = (opts?.local ? { name, payload, local: true } : { name, payload }) as AnyEvent;
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // a broken transport must not break the service or the other transports
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
