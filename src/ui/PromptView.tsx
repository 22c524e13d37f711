import React from 'react';
import { Box, Text } from 'ink';
import type { Frame } from '../session/frame.js';

/** A one-line text prompt for the menu's "open a file" and "type a graph" entries. */
export function PromptView({ frame }: { frame: Extract<Frame, { kind: 'prompt' }> }) {
  return (
    <Box flexDirection="column">
      <Text bold>{frame.title}</Text>
      <Text> </Text>
      {frame.expression !== undefined ? <Text wrap="truncate">{`  ${frame.expression}`}</Text> : null}
      <Text>{frame.ask}</Text>
      <Text wrap="truncate">{`› ${frame.text}█`}</Text>
      <Text> </Text>
      {frame.error.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
      <Text dimColor>{frame.footer}</Text>
    </Box>
  );
}
