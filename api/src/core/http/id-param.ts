import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalidField } from './problem';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalidField(name, 'isUuid', `${name} must be a UUID`) }));
}
