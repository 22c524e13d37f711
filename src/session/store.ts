import { reduce, type Action, type Effect, type Session } from './session.js';

/** Performs an effect, answering with actions through `dispatch`. */
export type Perform = (effect: Effect, dispatch: (action: Action) => void) => void;

export interface Store {
  getState(): Session;
  dispatch(action: Action): void;
  subscribe(listener: () => void): () => void;
}

/**
 * The session outside React: each action is reduced at once and its effects
 * run before the next action, so in a burst (`↓ ↓ Enter l l`) the lesson is
 * open by the time the `l`s arrive. React only reads the latest state.
 */
export function createStore(initial: Session, perform: Perform): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  const dispatch = (action: Action): void => {
    const result = reduce(state, action);
    const changed = result.state !== state;
    state = result.state;
    for (const effect of result.effects) perform(effect, dispatch);
    if (changed) for (const listener of listeners) listener();
  };
  return {
    getState: () => state,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
