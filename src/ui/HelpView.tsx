import React from 'react';
import { Box, Text } from 'ink';
import type { Frame } from '../session/frame.js';

/** Every key of the screen the learner is on, straight from the key table. */
export function HelpView({ frame }: { frame: Extract<Frame, { kind: 'help' }> }) {
  return (
    <Box flexDirection="column">
      {frame.lines.map((line, i) => (
        <Text key={i} bold={i === 0} wrap="truncate">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
