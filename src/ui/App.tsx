import React, { useEffect, useMemo, useReducer } from 'react';
import { Box, Text, useApp, useInput, useIsScreenReaderEnabled } from 'ink';
import type { Course } from '../course.js';
import { drawGraph, layoutGraph, viewport } from '../layout/index.js';
import { HelpView } from './HelpView.js';
import { keysOf } from './keys.js';
import { LessonView } from './LessonView.js';
import { MenuView } from './MenuView.js';
import { MIN_COLUMNS, MIN_ROWS, type Drawings } from './plan.js';
import { ScreenReaderView } from './ScreenReaderView.js';
import { reduce, type TutorState } from './state.js';
import type { Theme } from './theme.js';
import { useWindowSize } from './useWindowSize.js';

export interface AppProps {
  course: Course;
  initial: TutorState;
  finished: ReadonlySet<string>;
  theme: Theme;
  /** Told of every change, so progress can be kept. */
  onChange?: (state: TutorState) => void;
}

export function App({ course, initial, finished, theme, onChange }: AppProps) {
  const [state, dispatch] = useReducer((s: TutorState, key: Parameters<typeof reduce>[2]) => reduce(course, s, key), initial);
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const screenReader = useIsScreenReaderEnabled();

  // Every key of a burst goes through the reducer in order; nothing reads state from this closure.
  useInput((input, key) => {
    for (const name of keysOf(input, key)) dispatch({ type: 'key', key: name });
  });

  useEffect(() => {
    onChange?.(state);
    if (state.quit) exit();
  }, [state]);

  const lesson = state.lessonId ? course.lesson(state.lessonId) : undefined;
  const layouts = useMemo(() => {
    if (!lesson) return undefined;
    let cached: { full: ReturnType<typeof layoutGraph>; compact: ReturnType<typeof layoutGraph> } | undefined;
    return () => (cached ??= { full: layoutGraph(lesson.scenario.graph), compact: layoutGraph(lesson.scenario.graph, { compact: true }) });
  }, [lesson]);

  if (state.quit) return null;
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return <Text>{`Make the window at least ${MIN_COLUMNS}×${MIN_ROWS} (it is ${columns}×${rows}). q quits.`}</Text>;
  }
  if (state.help) return <HelpView where={state.screen} columns={columns} rows={rows} />;
  if (state.screen === 'lesson' && lesson && layouts) {
    const step = lesson.steps[state.step];
    if (screenReader) return <ScreenReaderView lesson={lesson} step={state.step} />;
    const drawings = (): Drawings => {
      const { full, compact } = layouts();
      const shown = step.shown;
      return {
        full: drawGraph(full, shown, step.highlight),
        compact: drawGraph(compact, shown, step.highlight),
        cut: (drawing, width, height) => viewport(drawing, step.highlight.current ?? lesson.scenario.graph.output, width, height),
      };
    };
    return <LessonView lesson={lesson} step={state.step} drawings={drawings} columns={columns} rows={rows} theme={theme} />;
  }
  return (
    <Box>
      <MenuView entries={course.entries} finished={finished} index={state.menuIndex} rows={rows} columns={columns} theme={theme} />
    </Box>
  );
}
