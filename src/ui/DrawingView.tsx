import React from 'react';
import { Box, Text } from 'ink';
import type { Drawing } from '../layout/index.js';
import type { Theme } from './theme.js';

/** The layout's styled lines as Ink text. Without colour, only bold/dim survive; the glyphs carry the highlight. */
export function DrawingView({ drawing, theme }: { drawing: Drawing; theme: Theme }) {
  return (
    <Box flexDirection="column">
      {drawing.lines.map((spans, row) => (
        <Text key={row} wrap="truncate">
          {spans.length === 0
            ? ' '
            : spans.map((span, i) => (
                <Text
                  key={i}
                  bold={span.style?.bold}
                  dimColor={theme.color ? span.style?.dim : undefined}
                  color={theme.color ? span.style?.color : undefined}
                >
                  {span.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
