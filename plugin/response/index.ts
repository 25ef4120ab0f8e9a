export { mapOutputs, type Outputs } from './map.js';
export { decide, statusMatches, type Decision, type Observation } from './decide.js';
export { evaluate, evaluator, truthy, compileExpression, type Evaluator } from './jmespath.js';
