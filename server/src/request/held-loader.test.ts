import { describe, expect, it } from 'vitest';
import { HeldLoader } from './loaders.js';

/** A batch function that records each call and doubles the ids; it fails while `failing` is set. */
function doubling() {
  const calls: number[][] = [];
  const state = { failing: false };
  const batch = async (ids: readonly number[]) => {
    calls.push([...ids]);
    if (state.failing) throw new Error('the database is away');
    return ids.map((id) => id * 2);
  };
  return { calls, state, loader: new HeldLoader<number>(batch) };
}

describe('HeldLoader', () => {
  it('holds a page of ids in one batch call, without repeats, and then hands them back as plain values', async () => {
    const { calls, loader } = doubling();
    await loader.hold([3, 1, 3, 2, 1]);
    await loader.hold([2, 4]);
    expect(calls).toEqual([[3, 1, 2], [4]]);
    expect([loader.get(1), loader.get(3), loader.get(4)]).toEqual([2, 6, 8]);
  });

  it('leaves ids it could not read to the loader, which asks again', async () => {
    const { calls, state, loader } = doubling();
    state.failing = true;
    await expect(loader.hold([5])).resolves.toBeUndefined();
    state.failing = false;
    const asked = loader.get(5);
    expect(asked).toBeInstanceOf(Promise);
    await expect(asked).resolves.toBe(10);
    expect(loader.get(5)).toBe(10);
    expect(calls).toEqual([[5], [5]]);
  });
});
