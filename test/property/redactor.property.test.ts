// Properties of the Redactor (src/core/secret.ts): with a handful of secrets it scrubs by one pattern, with many
// (a .env of 100k secret-named lines) by a prefix index; both must scrub exactly the same text the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Redactor } from '../../src/core/secret.js';
import { budget } from './helpers.js';

/** Decoys that cannot occur in the generated texts (they hold a character the texts never use). */
const DECOYS = Array.from({ length: 100 }, (_, i) => `decoy~${i}~${'z'.repeat(i % 7)}`);

const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 6, maxLength: 40 });
const secretText = fc.oneof(hex, fc.string({ unit: fc.constantFrom(...'abcAB01 "\'é\u200b'), minLength: 6, maxLength: 20 }));

test('property: the indexed path (many secrets) scrubs exactly like the pattern path (few secrets)', () => {
  const input = fc.tuple(fc.array(secretText, { minLength: 1, maxLength: 8 }), fc.array(fc.oneof(fc.nat(7), fc.string({ unit: fc.constantFrom(...'abc01 \n"é'), maxLength: 8 })), { maxLength: 20 }));
  fc.assert(
    fc.property(input, ([secrets, layout]) => {
      // Text made of the secrets (whole, overlapping halves, repeated) and noise around them.
      const text = layout.map((x) => (typeof x === 'number' ? (secrets[x % secrets.length]! + secrets[(x + 1) % secrets.length]!.slice(0, x)) : x)).join('');
      const few = new Redactor();
      const many = new Redactor();
      for (const s of secrets) {
        few.add(s);
        many.add(s);
      }
      for (const d of DECOYS) many.add(d);
      assert.ok(few.size <= 64 && many.size > 64);
      assert.equal(many.redact(text), few.redact(text));
    }),
    budget(3000),
  );
});

test('property: with 10,000 secrets registered, none of the hex keys in a text survives redaction', () => {
  const keys = Array.from({ length: 10_000 }, (_, i) => `${i.toString(16).padStart(8, '0')}8b7e4a2190f1c3d5e7b90000`);
  const redactor = new Redactor();
  for (const k of keys) redactor.add(k);
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...keys.slice(0, 50), ...keys.slice(-50)), fc.string({ maxLength: 10 })), { maxLength: 10 }), (parts) => {
      const out = redactor.redact(parts.join(' '));
      for (const p of parts) if (keys.includes(p)) assert.ok(!out.includes(p), p);
    }),
    budget(1000),
  );
});
