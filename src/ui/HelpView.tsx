import React from 'react';
import { Box, Text } from 'ink';
import { clip } from './text.js';
import { helpRows, LESSON_KEYS, MENU_KEYS, QUIZ_KEYS } from './keys.js';

/** Every key of the screen the learner is on, straight from the key table. */
export function HelpView({ where, columns, rows }: { where: 'lesson' | 'quiz' | 'menu'; columns: number; rows: number }) {
  const table = where === 'menu' ? helpRows(MENU_KEYS) : where === 'quiz' ? [...helpRows(QUIZ_KEYS), ...helpRows(LESSON_KEYS)] : helpRows(LESSON_KEYS);
  const width = Math.max(...table.map(([keys]) => keys.length));
  // One line a key and nothing else, so the whole table fits a 60×16 window.
  const lines = [`Keys ${where === 'menu' ? 'in the menu' : where === 'quiz' ? 'in predict mode' : 'in a lesson'} — any key closes this`, ...table.map(([keys, does]) => `${keys.padEnd(width)}  ${does}`)];
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
