import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './pg-error';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const wrapped = (driverError: Error) => new QueryFailedError('UPDATE initiative SET title = $1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['connection reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a host that cannot be resolved while the database container restarts', withCode('getaddrinfo EAI_AGAIN db', 'EAI_AGAIN')],
    [
      'refused on every address of the host',
      Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
    ],
    ['refusals inside an AggregateError without a code of its own', new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')])],
    ['a session ended by the server', new Error('Connection terminated unexpectedly')],
    ['a query on a client that already lost its connection', new Error('Client has encountered a connection error and is not queryable')],
    ['admin shutdown (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['crash shutdown (57P02)', withCode('terminating connection because of crash of another server process', '57P02')],
    ['cannot connect now (57P03)', withCode('the database system is starting up', '57P03')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['connection failure (08006)', withCode('connection failure', '08006')],
    ['connection does not exist (08003)', withCode('connection does not exist', '08003')],
    ['unable to establish a connection (08001)', withCode('could not connect', '08001')],
    ['no free connection in the pool in time', new Error('timeout exceeded when trying to connect')],
    ['a connection attempt that timed out', new Error('Connection terminated due to connection timeout', { cause: new Error('timeout expired') })],
    ['admin shutdown wrapped by TypeORM', wrapped(withCode('terminating connection due to administrator command', '57P01'))],
    ['a lost session wrapped by TypeORM', wrapped(new Error('Connection terminated unexpectedly'))],
    ['a refusal given as the cause', new Error('Could not start the transaction', { cause: withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED') })],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', wrapped(withCode('duplicate key value violates unique constraint', '23505'))],
    ['a value of the wrong form', wrapped(withCode('invalid input syntax for type uuid', '22P02'))],
    ['a statement timeout', wrapped(withCode('canceling statement due to statement timeout', '57014'))],
    ['a serialization failure', wrapped(withCode('could not serialize access', '40001'))],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a client ended on purpose', new Error('Connection terminated')],
    ['something that is not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('does not loop on an error that is its own cause', () => {
    const error = new Error('odd') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
