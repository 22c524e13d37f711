// A throwaway Ink app, bundled only with GRAD_TUTOR_PROBE_ENTRY=1, used to
// measure time to first frame and to test key bursts before the real UI
// exists. Delete it (and its build branch) once src/ui has the tutor.
import { useReducer } from 'react';
import { Box, Text, render, useApp, useInput } from 'ink';

type Action = 'next';

// State goes through a reducer: with Ink 6.8 several keys in one burst can
// reach a stale useInput handler, so a closure over `count` would lose keys.
function reducer(count: number, action: Action): number {
  return action === 'next' ? count + 1 : count;
}

function Probe() {
  const [count, dispatch] = useReducer(reducer, 0);
  const { exit } = useApp();
  useInput((input, key) => {
    if (key.rightArrow) dispatch('next');
    if (input === 'q') exit();
  });
  return (
    <Box borderStyle="round" paddingX={1}>
      <Text>count {count}</Text>
    </Box>
  );
}

if (!process.stdin.isTTY) {
  process.stderr.write('probe: needs a terminal on stdin\n');
  process.exitCode = 2;
} else {
  render(<Probe />);
}
