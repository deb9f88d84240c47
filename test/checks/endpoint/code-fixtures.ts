// Code-check fixtures use the one fixture runner (test/checks/fixture-runner.ts); this module only re-exports it.
export { describeCodeFixtures, runCodeFixture } from '../fixture-runner.js';
