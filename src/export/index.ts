/**
 * The lesson in other hands: a runnable PyTorch or plain-Python script that
 * prints the same numbers the tutor shows, or a Markdown handout. Pure: each
 * returns text, and the command line prints it.
 */

import type { Scenario } from '../scenario/types.js';
import { toMarkdown } from './markdown.js';
import { toPython } from './python.js';
import { toPyTorch } from './pytorch.js';

export const EXPORT_FORMATS = ['pytorch', 'python', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(format: string | undefined): format is ExportFormat {
  return (EXPORT_FORMATS as readonly (string | undefined)[]).includes(format);
}

export interface ExportOptions {
  /** For the handout: the backward steps as questions, with an answer key. */
  quiz?: boolean;
  /** Named in the scripts' header, so a file says what made it. */
  version: string;
}

export function exportLesson(scenario: Scenario, format: ExportFormat, options: ExportOptions): string {
  if (format === 'pytorch') return toPyTorch(scenario, options.version);
  if (format === 'python') return toPython(scenario, options.version);
  return toMarkdown(scenario, { quiz: options.quiz });
}

export { toMarkdown, toPython, toPyTorch };
