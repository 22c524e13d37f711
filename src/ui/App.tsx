import React, { useEffect, useMemo, useReducer, useRef } from 'react';
import { Box, Text, useApp, useInput, useIsScreenReaderEnabled } from 'ink';
import type { Course } from '../course.js';
import { drawGraph, layoutGraph, viewport, type Drawing, type Layout } from '../layout/index.js';
import { HelpView } from './HelpView.js';
import { keysOf } from './keys.js';
import { LessonView } from './LessonView.js';
import { MenuView } from './MenuView.js';
import { MIN_COLUMNS, MIN_ROWS, type Drawings } from './plan.js';
import { ScreenReaderView } from './ScreenReaderView.js';
import { PromptView } from './PromptView.js';
import { panelFor, type Panel } from './panel.js';
import { reduce, type TutorState } from './state.js';
import type { Theme } from './theme.js';
import { useWindowSize } from './useWindowSize.js';
import { suspend } from '../io/terminal.js';

export interface AppProps {
  course: Course;
  initial: TutorState;
  theme: Theme;
  /** Told of every change, so progress can be kept. */
  onChange?: (state: TutorState) => void;
}

export function App({ course, initial, theme, onChange }: AppProps) {
  const [state, dispatch] = useReducer((s: TutorState, key: Parameters<typeof reduce>[2]) => reduce(course, s, key), initial);
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const screenReader = useIsScreenReaderEnabled();
  const lastWindow = useRef<{ key: string; origin?: { row: number; col: number } }>(undefined);
  // How far the text on screen can scroll, as last drawn: ↓ stops there, and ↑ works at once after.
  const scrollLimit = useRef(0);

  // Every key of a burst goes through the reducer in order; nothing reads state from this closure.
  useInput((input, key) => {
    if (key.ctrl && input === 'z') return suspend();
    for (const name of keysOf(input, key)) dispatch({ type: 'key', key: name, scrollLimit: scrollLimit.current });
  });

  useEffect(() => {
    onChange?.(state);
    if (state.quit) exit();
  }, [state]);

  const lesson = state.lessonId ? course.lesson(state.lessonId, state.knobs) : undefined;
  // Laid out once per graph; the compact style only if a window ever needs it.
  const layouts = useMemo(() => {
    if (!lesson) return undefined;
    const { graph } = lesson.scenario;
    let full: Layout | undefined;
    let compact: Layout | undefined;
    return { full: () => (full ??= layoutGraph(graph)), compact: () => (compact ??= layoutGraph(graph, { compact: true })) };
  }, [lesson?.scenario]);

  if (state.quit) return null;
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return <Text>{`Make the window at least ${MIN_COLUMNS}×${MIN_ROWS} (it is ${columns}×${rows}). q quits.`}</Text>;
  }
  if (state.help) return <HelpView where={state.screen !== 'lesson' ? 'menu' : state.quiz ? 'quiz' : 'lesson'} columns={columns} rows={rows} />;
  if (state.screen === 'prompt' && state.prompt) return <PromptView prompt={state.prompt} columns={columns} />;
  if (state.screen === 'lesson' && lesson && layouts) {
    if (screenReader) return <ScreenReaderView lesson={lesson} panel={panelFor(course, lesson, state)} step={state.step} />;
    const highlight = lesson.steps[state.step].highlight;
    const drawings = (shown: Panel['shown']): Drawings => {
      let full: Drawing | undefined;
      let compact: Drawing | undefined;
      return {
        full: () => (full ??= drawGraph(layouts.full(), shown, highlight)),
        compact: () => (compact ??= drawGraph(layouts.compact(), shown, highlight)),
        cut: (drawing, width, height) => {
          // Scroll from where the window was, only as far as the current node needs,
          // so stepping does not make the picture jump.
          const key = `${drawing.width}×${drawing.height}→${width}×${height}`;
          const from = lastWindow.current?.key === key ? lastWindow.current.origin : undefined;
          const cut = viewport(drawing, highlight.current ?? lesson.scenario.graph.output, width, height, from);
          lastWindow.current = { key, origin: cut.origin };
          return cut;
        },
      };
    };
    return (
      <LessonView
        lesson={lesson}
        step={state.step}
        panel={panelFor(course, lesson, state)}
        cursor={state.cursor}
        quiz={state.quiz}
        scroll={state.scroll}
        scrollLimit={scrollLimit}
        drawings={drawings}
        columns={columns}
        rows={rows}
        theme={theme}
      />
    );
  }
  return (
    <Box>
      <MenuView entries={course.entries} extras={['Open a scenario file…', 'Type your own graph…']} finished={state.finished} index={state.menuIndex} rows={rows} columns={columns} theme={theme} />
    </Box>
  );
}
