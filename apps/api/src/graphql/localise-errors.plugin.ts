import type { ApolloServerPlugin } from '@apollo/server';
import { type FieldProblem, isProblemCode, problemMessage } from '../common/problems.js';
import type { RequestContext } from './request-context.js';

/**
 * Says field problems in the caller's language (Accept-Language, then Russian) as the response
 * leaves: errors are raised in English with a problem code per field (`extensions.problems`), and
 * here `extensions.fields` and the summary become Kazakh or Russian. The codes stay for programs.
 */
export function localiseErrorsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const language = contextValue?.language;
          if (!language || language === 'en' || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const problems = error.extensions?.['problems'] as Record<string, FieldProblem> | undefined;
            const fields = error.extensions?.['fields'] as Record<string, string> | undefined;
            if (!problems || !fields || Object.keys(problems).length === 0) continue;
            for (const [path, problem] of Object.entries(problems)) {
              if (isProblemCode(problem.code)) fields[path] = problemMessage(problem, language);
            }
            (error as { message: string }).message = problemMessage({ code: 'checkFields', params: { fields: Object.keys(fields).join(', ') } }, language);
          }
        },
      };
    },
  };
}
