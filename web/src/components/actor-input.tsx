/**
 * An actor-code field with suggestions: the codes seen in events that start with what was typed
 * (GET /api/actors), offered through a datalist so keyboard and screen readers work as usual.
 */
import { useState } from 'preact/hooks';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

export function ActorInput({ name, value, id }: { name: string; value: string; id: string }) {
  const { api } = useSession();
  const [typed, setTyped] = useState(value);
  const prefix = typed.trim().toUpperCase();
  const [load] = useLoad(`actors:${prefix}`, () =>
    /^[A-Z0-9_-]{0,16}$/.test(prefix)
      ? api.get<{ items: { code: string; events: number }[] }>('/api/actors', {
          prefix,
          limit: 12,
        })
      : Promise.resolve({ items: [] }),
  );
  const items = load.state === 'ready' ? load.data.items : [];
  return (
    <>
      <input
        name={name}
        value={typed}
        list={`${id}-list`}
        placeholder="PRK"
        size={7}
        autoComplete="off"
        data-testid="actor-input"
        onInput={(e) => setTyped(e.currentTarget.value)}
      />
      <datalist id={`${id}-list`} data-testid="actor-suggestions">
        {items.map((a) => (
          <option key={a.code} value={a.code}>
            {`${a.events} event${a.events === 1 ? '' : 's'}`}
          </option>
        ))}
      </datalist>
    </>
  );
}
