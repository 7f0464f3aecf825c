import { validate, validateSync, ValidationError } from 'class-validator';
import { UserError, userError, UserErrorCode } from './user-error';

const CODES: Record<string, UserErrorCode> = {
  isCreditCode: UserErrorCode.INVALID_CREDIT_CODE,
  maxLength: UserErrorCode.TOO_LONG,
  isNotEmpty: UserErrorCode.REQUIRED,
  minLength: UserErrorCode.TOO_SHORT,
  isDefined: UserErrorCode.REQUIRED,
  min: UserErrorCode.OUT_OF_RANGE,
  max: UserErrorCode.OUT_OF_RANGE,
  arrayMaxSize: UserErrorCode.TOO_LONG,
};

function codeOf(constraint: string): UserErrorCode {
  return CODES[constraint] ?? UserErrorCode.INVALID;
}

const REQUIRED_CONSTRAINTS = ['isNotEmpty', 'isDefined'];

/**
 * The broken rules of one value. A value left empty (null, '' or only spaces) is one REQUIRED error,
 * whatever else its rules say of it (an empty name is not also too short or blank); a value given
 * but too short is TOO_SHORT.
 */
function constraintsOf(e: ValidationError): [code: UserErrorCode, message: string][] {
  const entries = Object.entries(e.constraints ?? {});
  const empty = e.value === null || e.value === undefined || (typeof e.value === 'string' && e.value.trim() === '');
  if (!empty || entries.length === 0) return entries.map(([constraint, message]) => [codeOf(constraint), message]);
  const chosen =
    entries.find(([c]) => REQUIRED_CONSTRAINTS.includes(c)) ?? entries.find(([, m]) => m.includes('空')) ?? entries.find(([, m]) => m.includes('请填写'));
  if (chosen) return [[UserErrorCode.REQUIRED, chosen[1]]];
  const [constraint, message] = entries[0];
  if (constraint === 'minLength') return [[UserErrorCode.REQUIRED, message.replace(/不能少于\d+个字符$/, '不能为空')]];
  return [[codeOf(constraint), message]];
}

function collect(errors: ValidationError[], path: string[], out: UserError[]): void {
  for (const e of errors) {
    const field = [...path, e.property];
    for (const [code, message] of constraintsOf(e)) out.push(userError(code, message, field));
    if (e.children?.length) collect(e.children, field, out);
  }
}

/** Runs the class-validator rules of an input object; each broken rule is a UserError naming its field. */
export async function validateInput(input: object, path: string[] = ['input']): Promise<UserError[]> {
  const out: UserError[] = [];
  collect(await validate(input, { forbidUnknownValues: false }), path, out);
  return out;
}

/**
 * validateInput for an input whose rules are all synchronous (no custom async constraint): the same
 * rules and errors without a promise per object, for the inputs that come a thousand at a time (the
 * runs of an aggregation report).
 */
export function validateInputSync(input: object, path: string[] = ['input']): UserError[] {
  const out: UserError[] = [];
  collect(validateSync(input, { forbidUnknownValues: false }), path, out);
  return out;
}
