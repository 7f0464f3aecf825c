import { registerDecorator, ValidationOptions } from 'class-validator';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from './credit-code.rules';

/** class-validator rule for 统一社会信用代码; the message says which part is wrong. */
export function IsCreditCode(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && creditCodeProblem(value) === null,
        defaultMessage: (args) => (typeof args?.value === 'string' ? CREDIT_CODE_MESSAGES[creditCodeProblem(args.value) ?? 'CHECK'] : '统一社会信用代码必填'),
      },
    });
}
