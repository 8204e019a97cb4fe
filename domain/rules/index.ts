/** The layering rules engine: rules.md as code. */
export { RULES, RULE_IDS, type Finding, type Note, type RuleId, type RuleInfo, type Severity } from './catalog';
export { reservedNotes } from './reserved';
export { pairVerdict, allowedTargets, type PairVerdict } from './matrix';
export { validate } from './validate';
export { createValidator, type Validator } from './incremental';
export { edgeVerdict, type EdgeVerdict } from './verdict';
