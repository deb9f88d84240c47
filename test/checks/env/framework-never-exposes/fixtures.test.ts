import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { check } from '../../../../src/checks/env/framework-never-exposes.js';
import { describeLoaderFixtures } from '../loader-fixtures.js';

describeLoaderFixtures(dirname(fileURLToPath(import.meta.url)), check);
