// Types for what the benches and the bundle tests borrow from scripts/build.mjs.
import type { Plugin } from 'esbuild';

export const dependencyPatches: Plugin;
export const builtinDynamicImports: Plugin;
export function sharedNamespaces(text: string): string;
export const SPEED_PATCHES: string[];
