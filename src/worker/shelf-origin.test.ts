/** The runs the labs save by themselves carry where they came from: the settings link and, for a seeded NAS search, the seed version as parent. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { zooSpec } from '../core/model/zoo/mnist';
import { decode } from '../core/techniques/nas/space';
import { createBaseApi } from './base';
import { createSlot } from './context';
import { resetDbForTests } from './db';
import { shelfApi } from './shelf';

const base = createBaseApi();

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

beforeEach(async () => {
  await resetDbForTests();
  globalThis.indexedDB = new IDBFactory();
});

it('a Train run keeps its link; the model a seeded NAS search adopts is saved as the seed version\'s child', async () => {
  createSlot('train', zooSpec('mlp'), 5);
  await base.saveBaseline('train', 0.9, { settingsLink: '#/train?model=mlp&epochs=1&target=mcxn947' });
  const [root] = (await shelfApi.list()).versions;
  expect(root).toMatchObject({ technique: 'train', lab: 'train', parentId: null, settingsLink: '#/train?model=mlp&epochs=1&target=mcxn947' });

  createSlot('nas:chosen', decode({ blocks: [{ kind: 'conv', kernel: 3, width: 8, down: 'maxpool' }], pool: 'gap', head: 0 }), 1);
  await base.saveBaseline('nas:chosen', 0.8, { parentId: root.id, settingsLink: '#/nas?nasSeed=1' });
  const child = (await shelfApi.list()).versions.find((v) => v.id !== root.id)!;
  expect(child).toMatchObject({ technique: 'nas', lab: 'nas', parentId: root.id, settingsLink: '#/nas?nasSeed=1' });
  expect(child.lineageIssue).toBeUndefined();

  // Without an origin (e.g. "Train a baseline here") a run is a root, as before.
  await base.saveBaseline('train', 0.9);
  expect((await shelfApi.list()).versions.filter((v) => v.parentId === null)).toHaveLength(2);
});
