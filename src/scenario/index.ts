/** Scenario files → validated Scenarios. Everything a user can get wrong is a ScenarioError. */

export { ScenarioError, type Scenario } from './types.js';
export { parseScenario, loadScenarioFile, refusalAt, scenarioFromBytes, scenarioId } from './load.js';
export {
  parseExpression,
  ExprSyntaxError,
  functionList,
  MAX_NESTING,
  type Expr,
  type BinaryOp,
  type FunctionName,
  type SourceRange,
} from './expression.js';
export { buildGraph, type InputDef, type NodeDef, type Fail } from './build-graph.js';
export { scenarioFromTyped, PROMPT_GRAPH } from './typed.js';
export { MAX_NODES, tooLargeToTeach } from './limits.js';
