import React from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { phaseLabel, type Phase } from '../lesson/index.js';
import { DrawingView } from './DrawingView.js';
import type { LessonFrame } from '../session/frame.js';
import { GAP } from '../session/plan.js';
import type { Theme } from './theme.js';

/** The phase bar: the current phase in brackets (and inverse, with colour), so it shows without colour too. */
function PhaseBar({ current, phases, theme, columns }: { current: Phase; phases: Phase[]; theme: Theme; columns: number }) {
  const narrow = columns < 62;
  return (
    <Text wrap="truncate">
      {phases.map((key, i) => {
        const name = phaseLabel(key);
        const label = narrow && key !== current ? name.slice(0, 3) : name;
        return (
          <Text key={key}>
            {i > 0 ? ' · ' : ''}
            {key === current ? (
              <Text bold inverse={theme.color} color={theme.color ? 'yellow' : undefined}>
                [{label}]
              </Text>
            ) : (
              <Text dimColor={theme.color}>{label}</Text>
            )}
          </Text>
        );
      })}
    </Text>
  );
}

export function LessonView({ frame, theme }: { frame: LessonFrame; theme: Theme }) {
  const width = frame.width;
  const legend = frame.legend.map((line, i) => (
    <Text key={i} dimColor={theme.color} wrap="truncate">
      {line}
    </Text>
  ));
  const drawing = frame.drawing ? (
    <Box flexDirection="column" width={frame.drawing.width} flexShrink={0}>
      <DrawingView drawing={frame.drawing} theme={theme} />
      {frame.arrangement === 'beside' && legend.length > 0 ? <Text> </Text> : null}
      {frame.arrangement === 'beside' ? legend : null}
    </Box>
  ) : null;
  const text = (
    <Box flexDirection="column" width={frame.text.width}>
      {frame.text.lines.map((line, i) => (
        <Text key={i} wrap="truncate" bold={i === 0} color={i === 1 && frame.text.scroll === 0 && theme.color ? 'green' : undefined}>
          {line || ' '}
        </Text>
      ))}
      {frame.choices.length > 0 ? (
        // The session owns the highlighted choice; the list is remounted there and never listens itself.
        <SelectInput
          key={frame.cursor}
          isFocused={false}
          initialIndex={frame.cursor}
          items={frame.choices.map((label, i) => ({ key: String(i), value: i, label }))}
        />
      ) : null}
    </Box>
  );
  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between">
        <Text bold color={theme.color ? 'cyan' : undefined} wrap="truncate">
          {frame.title}
        </Text>
        <Text>{frame.counter}</Text>
      </Box>
      <PhaseBar current={frame.phase} phases={frame.phases} theme={theme} columns={width} />
      {frame.arrangement === 'beside' ? (
        // Side by side: the drawing and the text share rows, the drawing the whole height.
        <Box flexDirection="row" gap={GAP}>
          {drawing}
          {text}
        </Box>
      ) : (
        <>
          {frame.strip ? <Text wrap="truncate">{frame.strip}</Text> : null}
          {drawing}
          {drawing ? legend : null}
          {drawing ? <Text> </Text> : null}
          {text}
        </>
      )}
      {frame.editing !== undefined ? (
        // The line being typed (or what an edit changed) in the footer's row, not dimmed: it is the learner's.
        <Text bold wrap="truncate">
          {frame.editing}
        </Text>
      ) : (
        <Text dimColor={theme.color} wrap="truncate">
          {frame.footer}
        </Text>
      )}
    </Box>
  );
}
