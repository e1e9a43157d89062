import { useEffect, useState } from 'react';
import type { DeviceRow } from '../../../shared/ipc/channels/fleet';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { useSelection } from '../../state/selection-store';
import { DraggableDevice } from './DraggableDevice';

const SHOWN = 300;

/** Drag sources: the selection basket (drag one or all of it) and a quick search. */
export function SourcePanel() {
  const basket = useSelection((s) => s.keys);
  const fleetVersion = useApp((s) => s.fleetVersion);
  const [tab, setTab] = useState<'basket' | 'search'>(basket.size ? 'basket' : 'search');
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<DeviceRow[]>([]);
  const [total, setTotal] = useState(0);
  const basketKeys = [...basket];

  useEffect(() => {
    let live = true;
    const load = async () => {
      if (tab === 'basket') {
        const r = await api['fleet:rows']({ keys: basketKeys.slice(0, SHOWN) });
        if (live && r.ok) {
          setRows(r.value.rows);
          setTotal(basketKeys.length);
        }
      } else {
        const r = await api['fleet:search']({ query: query ? `${query} vendor:algosec` : 'vendor:algosec', limit: SHOWN });
        if (live && r.ok) {
          setRows(r.value.rows);
          setTotal(r.value.total);
        }
      }
    };
    const t = setTimeout(() => void load(), 80);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // basketKeys is derived from basket; depending on it directly would reload every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab, query, basket, fleetVersion]);

  /** Dragging a device that is in the basket drags the whole basket. */
  const payloadFor = (row: DeviceRow) =>
    basket.has(row.key) && basket.size > 1 ? { deviceKeys: basketKeys, label: `${basket.size} basket devices` } : { deviceKeys: [row.key], label: row.name };

  return (
    <div className="panel source-panel">
      <div className="panel-header tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'basket'} className={`tab ${tab === 'basket' ? 'active' : ''}`} onClick={() => setTab('basket')}>
          Basket ({basket.size})
        </button>
        <button role="tab" aria-selected={tab === 'search'} className={`tab ${tab === 'search' ? 'active' : ''}`} onClick={() => setTab('search')}>
          Search
        </button>
      </div>
      {tab === 'search' && (
        <div className="panel-header">
          <input type="search" aria-label="Find devices to drag" placeholder="Find AlgoSec devices…" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      )}
      {tab === 'basket' && basket.size > 1 && <p className="hint">Dragging any basket device drags all {basket.size}.</p>}
      <ul className="drag-list" aria-label={tab === 'basket' ? 'Basket devices' : 'Search results'}>
        {rows.map((row) => (
          <li key={row.key}>
            <DraggableDevice id={`source:${row.key}`} row={row} payload={payloadFor(row)} selected={basket.has(row.key)} />
          </li>
        ))}
        {!rows.length && <li className="muted panel-body">{tab === 'basket' ? 'The basket is empty. Select devices in Search, or use the Search tab here.' : 'No AlgoSec device matches.'}</li>}
        {total > rows.length && <li className="muted panel-body">…and {(total - rows.length).toLocaleString()} more</li>}
      </ul>
    </div>
  );
}
