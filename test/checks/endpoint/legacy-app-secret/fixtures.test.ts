import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { check } from '../../../../src/checks/endpoint/legacy-app-secret.js';
import { describeCodeFixtures } from '../code-fixtures.js';

describeCodeFixtures(dirname(fileURLToPath(import.meta.url)), check);
