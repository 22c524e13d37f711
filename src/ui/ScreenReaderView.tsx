import React from 'react';
import { Box, Text } from 'ink';
import type { Lesson } from '../lesson/index.js';
import { footerText, LESSON_KEYS } from './keys.js';

/** With a screen reader the lesson is read as sentences: no box drawing, no phase bar glyphs. */
export function ScreenReaderView({ lesson, step }: { lesson: Lesson; step: number }) {
  const current = lesson.steps[step];
  return (
    <Box flexDirection="column">
      <Text>{`${lesson.scenario.title}, step ${step + 1} of ${lesson.steps.length}: ${current.title}.`}</Text>
      <Text>{current.text}</Text>
      {current.lines.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
      <Text>{`Keys: ${footerText(LESSON_KEYS)}.`}</Text>
    </Box>
  );
}
