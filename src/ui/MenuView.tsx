import React from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Frame } from '../session/frame.js';
import type { Theme } from './theme.js';

/**
 * ink-select-input draws the list; the session owns the highlighted entry
 * (the component's own handler goes stale on a burst of keys), so the list
 * is remounted at that index and never listens to keys itself.
 */
export function MenuView({ frame, theme }: { frame: Extract<Frame, { kind: 'menu' }>; theme: Theme }) {
  const items = frame.items.map((item, i) => ({ key: String(i), value: i, label: item.label }));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.color ? 'cyan' : undefined}>
        {frame.title}
      </Text>
      <Text> </Text>
      {frame.notice.map((line, i) => (
        <Text key={`notice-${i}`}>{line}</Text>
      ))}
      <SelectInput key={frame.index} items={items} initialIndex={frame.index} limit={frame.limit} isFocused={false} />
      {/* The row under the list: the highlighted lesson's params and data, or blank as before. */}
      <Text wrap="truncate">{frame.detail || ' '}</Text>
      <Text dimColor={theme.color}>{frame.hint}</Text>
      <Text dimColor={theme.color} wrap="truncate">
        {frame.footer}
      </Text>
    </Box>
  );
}
