/** Marks lines of test output among everything the workbench logs; the harness strips it. */
export const testOutputTag = '[promptops-test] ';
