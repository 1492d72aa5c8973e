import { afterAll, afterEach, beforeEach } from 'vitest';
import { lifecycle } from '../helpers/lifecycle';

// Every service and vault opened through tests/helpers is closed, pass or fail: one a test
// opened after that test, one a file opened in beforeAll after the whole file.
beforeEach(lifecycle.testStarted);
afterEach(lifecycle.testFinished);
afterAll(lifecycle.fileFinished);
