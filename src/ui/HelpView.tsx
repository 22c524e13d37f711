import React from 'react';
import { Box, Text } from 'ink';
import { clip } from './text.js';
import { helpRows, LESSON_KEYS, MENU_KEYS } from './keys.js';

/** Every key of the screen the learner is on, straight from the key table. */
export function HelpView({ where, columns, rows }: { where: 'lesson' | 'menu'; columns: number; rows: number }) {
  const table = helpRows(where === 'lesson' ? LESSON_KEYS : MENU_KEYS);
  const width = Math.max(...table.map(([keys]) => keys.length));
  const lines = [
    `Keys ${where === 'lesson' ? 'in a lesson' : 'in the menu'}`,
    '',
    ...table.map(([keys, does]) => `  ${keys.padEnd(width)}  ${does}`),
    '',
    'Any key closes this help.',
  ];
  return (
    <Box flexDirection="column">
      {clip(lines, rows - 1).map((line, i) => (
        <Text key={i} bold={i === 0} wrap="truncate">
          {line.slice(0, columns) || ' '}
        </Text>
      ))}
    </Box>
  );
}
