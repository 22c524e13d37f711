import React, { useEffect, useSyncExternalStore } from 'react';
import { Text, useApp, useInput, useIsScreenReaderEnabled, useStdout } from 'ink';
import { buildFrame } from '../session/frame.js';
import { HelpView } from './HelpView.js';
import { keysOf } from './input.js';
import { LessonView } from './LessonView.js';
import { MenuView } from './MenuView.js';
import { PromptView } from './PromptView.js';
import { ScreenReaderView } from './ScreenReaderView.js';
import type { Store } from '../session/store.js';
import type { Theme } from './theme.js';
import { suspend } from '../io/terminal.js';

export interface AppProps {
  store: Store;
  theme: Theme;
}

/** Renders the frame of the session's state; keys and resizes go to the store as actions. */
export function App({ store, theme }: AppProps) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const screenReader = useIsScreenReaderEnabled();

  // Every key of a burst goes through the reducer in order; nothing reads state from this closure.
  useInput((input, key) => {
    // Ctrl+Z: give the terminal back to the shell; fg redraws (src/io/terminal.ts).
    if (key.ctrl && input === 'z') return suspend();
    for (const name of keysOf(input, key)) store.dispatch({ type: 'key', key: name });
  });

  useEffect(() => {
    const onResize = () => store.dispatch({ type: 'resize', columns: stdout.columns || 80, rows: stdout.rows || 24 });
    onResize();
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, store]);

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit]);

  if (state.quit) return null;
  const frame = buildFrame(state);
  switch (frame.kind) {
    case 'too-small':
      return <Text>{frame.text}</Text>;
    case 'working':
      return <Text>{frame.text.join('\n')}</Text>;
    case 'help':
      return <HelpView frame={frame} />;
    case 'prompt':
      return <PromptView frame={frame} />;
    case 'menu':
      return <MenuView frame={frame} theme={theme} />;
    case 'lesson':
      return screenReader ? <ScreenReaderView frame={frame} /> : <LessonView frame={frame} theme={theme} />;
  }
}
