import { validate, ValidationError } from 'class-validator';
import { UserError, userError, UserErrorCode } from './user-error';

const CODES: Record<string, UserErrorCode> = {
  isCreditCode: UserErrorCode.INVALID_CREDIT_CODE,
  maxLength: UserErrorCode.TOO_LONG,
  isNotEmpty: UserErrorCode.REQUIRED,
  minLength: UserErrorCode.REQUIRED,
  isDefined: UserErrorCode.REQUIRED,
  min: UserErrorCode.OUT_OF_RANGE,
  max: UserErrorCode.OUT_OF_RANGE,
  arrayMaxSize: UserErrorCode.TOO_LONG,
};

function codeOf(constraint: string): UserErrorCode {
  return CODES[constraint] ?? UserErrorCode.INVALID;
}

function collect(errors: ValidationError[], path: string[], out: UserError[]): void {
  for (const e of errors) {
    const field = [...path, e.property];
    for (const [constraint, message] of Object.entries(e.constraints ?? {})) {
      out.push(userError(codeOf(constraint), message, field));
    }
    if (e.children?.length) collect(e.children, field, out);
  }
}

/** Runs the class-validator rules of an input object; each broken rule is a UserError naming its field. */
export async function validateInput(input: object, path: string[] = ['input']): Promise<UserError[]> {
  const out: UserError[] = [];
  collect(await validate(input, { forbidUnknownValues: false }), path, out);
  return out;
}
