import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every error of a GraphQL resolver to Apollo as it is. Without it Nest's own handler logs
 * each refusal (a bad cursor, a NOT_FOUND) as an application error; formatError gives the client its
 * code, and request-errors.plugin.ts logs the unexpected ones with their request id.
 */
@Catch()
export class GraphqlPassThroughFilter implements GqlExceptionFilter {
  catch(error: unknown): unknown {
    return error;
  }
}
