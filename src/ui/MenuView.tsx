import React from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { MenuEntry } from '../course.js';
import { footerText, MENU_KEYS } from './keys.js';
import type { Theme } from './theme.js';

interface Props {
  entries: MenuEntry[];
  /** Entries after the lessons that ask for text: open a file, type a graph. */
  extras: string[];
  finished: string[];
  index: number;
  rows: number;
  columns: number;
  theme: Theme;
}

/**
 * ink-select-input draws the list; the tutor's reducer owns the highlighted
 * entry (the component's own handler goes stale on a burst of keys), so the
 * list is remounted at that index and never listens to keys itself.
 */
export function MenuView({ entries, extras, finished, index, rows, columns, theme }: Props) {
  const items = entries.map((entry, i) => ({
    key: entry.id,
    value: entry.id,
    label: `${finished.includes(entry.id) ? '✓' : ' '} ${String(i + 1).padStart(2)}. ${entry.title.padEnd(28)} ${entry.expression}`.slice(0, columns - 3),
  }));
  extras.forEach((label, i) => items.push({ key: `extra-${i}`, value: `extra-${i}`, label: `     ${label}`.slice(0, columns - 3) }));
  // Title, blank, list, blank, hint, footer — and one row Ink keeps free.
  const limit = Math.max(3, Math.min(items.length, rows - 6));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.color ? 'cyan' : undefined}>
        grad-tutor — the chain rule, one edge at a time
      </Text>
      <Text> </Text>
      <SelectInput key={index} items={items} initialIndex={index} limit={limit} isFocused={false} />
      <Text> </Text>
      <Text dimColor={theme.color}>{`Pick a graph; ✓ marks the ones you finished.`.slice(0, columns)}</Text>
      <Text dimColor={theme.color} wrap="truncate">
        {footerText(MENU_KEYS)}
      </Text>
    </Box>
  );
}
