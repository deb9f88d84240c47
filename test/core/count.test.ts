import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from '../../src/core/count.js';

test('count() groups digits exactly as en-US toLocaleString does for whole numbers', () => {
  for (const n of [0, 1, 12, 999, 1000, 9999, 10_000, 123_456, 1_000_000, 98_765_432_101, -1, -1234, -1_000_000]) {
    assert.equal(count(n), n.toLocaleString('en-US'), String(n));
  }
});
