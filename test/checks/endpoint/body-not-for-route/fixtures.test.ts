import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { check } from '../../../../src/checks/endpoint/body-not-for-route.js';
import { describeCodeFixtures } from '../../endpoint/code-fixtures.js';

describeCodeFixtures(dirname(fileURLToPath(import.meta.url)), check);
