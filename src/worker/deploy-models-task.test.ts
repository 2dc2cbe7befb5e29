import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeTimeSeriesVersion, fakeVersion } from '../core/shelf/test-fixtures';
import { dbPut, resetDbForTests } from './db';
import { deployableModels, SHELF_PREFIX } from './deploy-models';

beforeEach(async () => {
  await resetDbForTests();
  globalThis.indexedDB = new IDBFactory();
});

describe('Deploy: a time-series version on the shelf', () => {
  it('is listed last (never the default pick); without a complete run link it is not exportable, with the reason', async () => {
    // The time-series version is the newer one, so newest-first alone would make it the default pick.
    await dbPut('versions', 'm', fakeVersion('m'));
    await dbPut('versions', 'ts', fakeTimeSeriesVersion('ts'));
    const models = await deployableModels();
    expect(models[0].id).toBe(`${SHELF_PREFIX}m`);
    expect(models[0].available).toBe(true);
    const ts = models.find((m) => m.id === `${SHELF_PREFIX}ts`)!;
    expect(models[models.length - 1]).toBe(ts);
    expect(ts.available).toBe(false);
    // The fixture's link lacks the dataset (deploy-time-series.test.ts exports a version with a full link).
    expect(ts.reason).toMatch(/run link lacks a valid "tsDataset"/);
  });
});
