import React from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Lesson, Phase } from '../lesson/index.js';
import { num } from '../lesson/index.js';
import { DrawingView } from './DrawingView.js';
import { footerText, LESSON_KEYS, QUIZ_KEYS } from './keys.js';
import type { Panel } from './panel.js';
import { planLesson, type Drawings } from './plan.js';
import { phaseOf } from './state.js';
import type { Theme } from './theme.js';

const PHASES: [Phase, string][] = [
  ['overview', 'Overview'],
  ['forward', 'Forward'],
  ['backward', 'Backward'],
  ['check', 'Check'],
  ['nudge', 'Nudge'],
  ['summary', 'Summary'],
];

interface Props {
  lesson: Lesson;
  step: number;
  panel: Panel;
  cursor: number;
  quiz: boolean;
  /** Lines of the text scrolled past; the view reports how far it can go into `scrollLimit`. */
  scroll: number;
  scrollLimit: { current: number };
  drawings: (shown: Panel['shown']) => Drawings;
  columns: number;
  rows: number;
  theme: Theme;
}

/** The phase bar: the current phase in brackets (and inverse, with colour), so it shows without colour too. */
function PhaseBar({ phase, theme, columns }: { phase: Phase; theme: Theme; columns: number }) {
  const current = phaseOf(phase);
  const narrow = columns < 62;
  return (
    <Text wrap="truncate">
      {PHASES.map(([key, name], i) => {
        const label = narrow && key !== current ? name.slice(0, 3) : name;
        return (
          <Text key={key}>
            {i > 0 ? ' · ' : ''}
            {key === current ? (
              <Text bold inverse={theme.color} color={theme.color ? 'yellow' : undefined}>
                [{label}]
              </Text>
            ) : (
              <Text dimColor={theme.color}>{label}</Text>
            )}
          </Text>
        );
      })}
    </Text>
  );
}

export function LessonView({ lesson, step, panel, cursor, quiz, scroll, scrollLimit, drawings, columns, rows, theme }: Props) {
  const current = lesson.steps[step];
  const choices = panel.question?.choices ?? [];
  // While a question waits, ↑ and ↓ pick an answer, so they cannot scroll.
  const plan = planLesson(panel.lines, choices.length, drawings(panel.shown), columns, rows, { from: scroll, keys: !panel.question });
  scrollLimit.current = plan.scrollLimit;
  const mode = quiz ? 'predict · ' : '';
  const counter = `${mode}step ${step + 1}/${lesson.steps.length}`;
  const title = lesson.scenario.title.slice(0, Math.max(0, columns - counter.length - 2));
  const footer = panel.question ? footerText([...QUIZ_KEYS, ...LESSON_KEYS.filter((b) => b.action === 'previous' || b.action === 'quit')], columns) : footerText(LESSON_KEYS, columns);
  return (
    <Box flexDirection="column" width={columns}>
      <Box justifyContent="space-between">
        <Text bold color={theme.color ? 'cyan' : undefined} wrap="truncate">
          {title}
        </Text>
        <Text>{counter}</Text>
      </Box>
      <PhaseBar phase={current.phase} theme={theme} columns={columns} />
      {plan.drawing ? <DrawingView drawing={plan.drawing} theme={theme} /> : null}
      {plan.drawing ? <Text> </Text> : null}
      {plan.panel.map((line, i) => (
        <Text key={i} wrap="truncate" bold={i === 0} color={i === 1 && plan.scroll === 0 && theme.color ? 'green' : undefined}>
          {line || ' '}
        </Text>
      ))}
      {choices.length > 0 ? (
        // The reducer owns the highlighted choice; the list is remounted there and never listens itself.
        <SelectInput
          key={cursor}
          isFocused={false}
          initialIndex={cursor}
          items={choices.map((choice, i) => ({ key: String(i), value: i, label: `${i + 1}. ${num(choice.value)}` }))}
        />
      ) : null}
      <Text dimColor={theme.color} wrap="truncate">
        {footer}
      </Text>
    </Box>
  );
}
