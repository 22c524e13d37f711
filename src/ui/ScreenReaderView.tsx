import React from 'react';
import { Box, Text } from 'ink';
import { num, type Lesson } from '../lesson/index.js';
import { footerText, LESSON_KEYS } from './keys.js';
import type { Panel } from './panel.js';

/** With a screen reader the lesson is read as sentences: no box drawing, no glyph art. */
export function ScreenReaderView({ lesson, panel, step }: { lesson: Lesson; panel: Panel; step: number }) {
  const choices = panel.question?.choices.map((c, i) => `${i + 1}: ${num(c.value)}`).join(', ');
  return (
    <Box flexDirection="column">
      <Text>{`${lesson.scenario.title}, step ${step + 1} of ${lesson.steps.length}.`}</Text>
      {panel.lines.map((line, i) => (
        <Text key={i}>{line.replace(/^▸ /, '')}</Text>
      ))}
      {choices ? <Text>{`Choices: ${choices}. Press the number of your answer.`}</Text> : null}
      <Text>{`Keys: ${footerText(LESSON_KEYS)}.`}</Text>
    </Box>
  );
}
