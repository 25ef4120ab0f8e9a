export { mapOutputs, type Outputs } from './map.js';
export { decide, statusMatches, type Decision, type Observation } from './decide.js';
export { evaluate, truthy, compileExpression } from './jmespath.js';
