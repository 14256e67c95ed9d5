import { describe, expect, it, vi } from 'vitest';

import { REPORT_SECTIONS as CORE_REPORT_SECTIONS } from '../../core/reports/compliance-report.js';
import { classificationEntryInputSchema } from '../../shared/domain/classification.js';
import { IPC_CONTRACT, contractEntries, contractShape } from '../../shared/ipc/contract.js';
import { patchOf } from '../../shared/ipc/define.js';
import { REPORT_SECTIONS } from '../../shared/ipc/reports.js';
import { buildWindowApi } from '../../shared/ipc/window-api.js';

describe('IPC contract', () => {
  it('names each channel domain:action', () => {
    for (const { domain, action, definition } of contractEntries()) {
      expect(definition.name).toBe(`${domain}:${action}`);
    }
  });

  it('has unique channel names', () => {
    const names = contractEntries().map((entry) => entry.definition.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps the progress event off the invoke channels', () => {
    const names = contractEntries().map((entry) => entry.definition.name);
    expect(names).not.toContain('jobs:progress');
  });

  it('groups the data map channels by domain', () => {
    const shape = contractShape();
    expect(shape.dataMap).toEqual([
      'listSystems',
      'createSystem',
      'updateSystem',
      'listDatasets',
      'createDataset',
      'updateDataset',
      'bulkUpdate',
      'countFindings',
      'listFindings',
    ]);
    expect(shape.review).toEqual(['listRuns', 'listProposals', 'accept', 'reject', 'diffRun']);
    expect(shape.ropa).toEqual([
      'getController',
      'setController',
      'record',
      'chooseDestination',
      'exportRecord',
      'exportMap',
    ]);
    expect(shape.history).toEqual(['asOf', 'diff']);
    expect(shape.scale).toEqual(['preview', 'set']);
  });

  it('lists the report sections core writes', () => {
    expect([...REPORT_SECTIONS]).toEqual([...CORE_REPORT_SECTIONS]);
  });
});

describe('patchOf', () => {
  const patch = patchOf(classificationEntryInputSchema);

  it('leaves out fields the caller did not send', () => {
    expect(patch.parse({ owner: 'Data office' })).toEqual({ owner: 'Data office' });
  });

  it('still validates the fields sent', () => {
    expect(patch.safeParse({ retention: 'six years' }).success).toBe(false);
  });

  it('rejects unknown keys', () => {
    expect(patch.safeParse({ id: 4 }).success).toBe(false);
  });
});

describe('buildWindowApi', () => {
  it('exposes one function per channel and onProgress, nothing else', () => {
    const api = buildWindowApi({ invoke: vi.fn(), subscribeProgress: vi.fn() });
    const shape = Object.fromEntries(
      Object.entries(api).map(([domain, methods]) => [domain, Object.keys(methods).sort()]),
    );
    const expected = Object.fromEntries(
      Object.entries(contractShape()).map(([domain, actions]) => [
        domain,
        (domain === 'jobs' ? [...actions, 'onProgress'] : actions).sort(),
      ]),
    );

    expect(shape).toEqual(expected);
  });

  it('sends the channel name and the input', async () => {
    const invoke = vi.fn().mockResolvedValue({ ok: true, value: 'x' });
    const api = buildWindowApi({ invoke, subscribeProgress: vi.fn() });

    await api.classification.get({ id: 7 });

    expect(invoke).toHaveBeenCalledWith(IPC_CONTRACT.classification.get.name, { id: 7 });
  });

  it('subscribes a progress listener and returns its unsubscribe', () => {
    const unsubscribe = vi.fn();
    const subscribeProgress = vi.fn().mockReturnValue(unsubscribe);
    const api = buildWindowApi({ invoke: vi.fn(), subscribeProgress });
    const listener = vi.fn();

    const returned = api.jobs.onProgress(listener);

    expect(subscribeProgress).toHaveBeenCalledWith(listener);
    expect(returned).toBe(unsubscribe);
  });

  it('rejects a progress listener that is not a function', () => {
    const api = buildWindowApi({ invoke: vi.fn(), subscribeProgress: vi.fn() });
    expect(() => api.jobs.onProgress('alert(1)' as never)).toThrow(TypeError);
  });
});
