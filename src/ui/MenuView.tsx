import React from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Frame } from '../session/frame.js';
import type { Theme } from './theme.js';

/**
 * ink-select-input draws the list; the session owns the highlighted entry
 * (the component's own handler goes stale on a burst of keys) and the first
 * entry in view, so the list gets only the entries in view, which it never
 * scrolls, and never listens to keys itself. Remounted whenever either
 * moves: its highlight is read once, at mount.
 */
export function MenuView({ frame, theme }: { frame: Extract<Frame, { kind: 'menu' }>; theme: Theme }) {
  const items = frame.items.map((item, i) => ({ key: String(frame.top + i), value: frame.top + i, label: item.label }));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.color ? 'cyan' : undefined}>
        {frame.title}
      </Text>
      <Text> </Text>
      {frame.notice.map((line, i) => (
        <Text key={`notice-${i}`}>{line}</Text>
      ))}
      <SelectInput key={`${frame.top} ${frame.index}`} items={items} initialIndex={frame.index - frame.top} isFocused={false} />
      {/* The row under the list: the highlighted lesson's params and data, or blank as before. */}
      <Text wrap="truncate">{frame.detail || ' '}</Text>
      <Text dimColor={theme.color}>{frame.hint}</Text>
      <Text dimColor={theme.color} wrap="truncate">
        {frame.footer}
      </Text>
    </Box>
  );
}
