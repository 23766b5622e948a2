/** Loads data for a page and re-loads when its key changes; stale answers are dropped. */
import { useEffect, useState } from 'preact/hooks';

export type Load<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: Error }
  | { readonly state: 'ready'; readonly data: T };

export function useLoad<T>(key: string, load: () => Promise<T>): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setResult((r) => (r.state === 'ready' ? r : { state: 'loading' }));
    load().then(
      (data) => live && setResult({ state: 'ready', data }),
      (error: unknown) =>
        live &&
        setResult({
          state: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  return [result, () => setTick((t) => t + 1)];
}
