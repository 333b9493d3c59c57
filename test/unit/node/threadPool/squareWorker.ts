// The worker script of threadPool.test.ts.
import { serveBatches } from '../../../../src/node/threadPool';
import { square } from './squareWork';

serveBatches(square);
