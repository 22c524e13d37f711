import React from 'react';
import { Box, Text } from 'ink';
import type { TutorState } from './state.js';
import { wrapLines } from './text.js';
import { footerText, PROMPT_KEYS } from './keys.js';

const ASK = {
  file: ['Open a scenario file', 'Path to a .yaml or .json file:'],
  expr: ['Type your own graph', 'An expression, e.g. z = (a + b) * b'],
  values: ['Type your own graph', 'Values for its inputs, e.g. a=3 b=-5'],
} as const;

/** A one-line text prompt for the menu's "open a file" and "type a graph" entries. */
export function PromptView({ prompt, columns }: { prompt: NonNullable<TutorState['prompt']>; columns: number }) {
  const [title, ask] = ASK[prompt.kind];
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <Text> </Text>
      {prompt.kind === 'values' ? <Text wrap="truncate">{`  ${prompt.expression ?? ''}`}</Text> : null}
      <Text>{ask}</Text>
      <Text wrap="truncate">{`› ${prompt.text}█`}</Text>
      <Text> </Text>
      {prompt.error ? wrapLines([prompt.error], columns).map((line, i) => <Text key={i}>{line}</Text>) : null}
      <Text dimColor>{footerText(PROMPT_KEYS, columns)}</Text>
    </Box>
  );
}
