import React from 'react';
import { Box, Text } from 'ink';
import type { Lesson, Phase } from '../lesson/index.js';
import { DrawingView } from './DrawingView.js';
import { footerText, LESSON_KEYS } from './keys.js';
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
  drawings: () => Drawings;
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

export function LessonView({ lesson, step, drawings, columns, rows, theme }: Props) {
  const current = lesson.steps[step];
  const plan = planLesson(current, drawings, columns, rows);
  const counter = `step ${step + 1}/${lesson.steps.length}`;
  const title = lesson.scenario.title.slice(0, Math.max(0, columns - counter.length - 2));
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
        <Text key={i} wrap="truncate" bold={i === 0} color={i === 1 && theme.color ? 'green' : undefined}>
          {line || ' '}
        </Text>
      ))}
      <Text dimColor={theme.color} wrap="truncate">
        {footerText(LESSON_KEYS)}
      </Text>
    </Box>
  );
}
