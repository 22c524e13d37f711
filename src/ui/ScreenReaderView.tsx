import React from 'react';
import { Box, Text } from 'ink';
import type { LessonFrame } from '../session/frame.js';

/** With a screen reader the lesson is read as sentences: no box drawing, no glyph art. */
export function ScreenReaderView({ frame }: { frame: LessonFrame }) {
  return (
    <Box flexDirection="column">
      {frame.spoken.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
    </Box>
  );
}
