import type { CdsHooksIssue } from './issueMessages.js';

/**
 * A CDS Hooks request, response or feedback did not validate against CDS Hooks 2.0 and its invariants,
 * or (`cards`) the decision, rule set or options given to `toCards` do not fit together.
 */
export interface InvalidCdsHooksError {
  readonly _tag: 'InvalidCdsHooks';
  /** Which message was invalid. */
  readonly message: 'request' | 'response' | 'feedback' | 'cards';
  readonly issues: readonly CdsHooksIssue[];
}

/** Creates an {@link InvalidCdsHooksError}. */
export const invalidCdsHooks = (message: InvalidCdsHooksError['message'], issues: readonly CdsHooksIssue[]): InvalidCdsHooksError => ({
  _tag: 'InvalidCdsHooks',
  message,
  issues,
});
