import type { Unit } from '@pm/shared';
import { useI18n } from '../../../i18n/I18nProvider';
import { Icon } from '../../../components/Icon';

export interface AgendaDraft {
  title: string;
  presentingUnitId: string | null;
  plannedMinutes: number;
}

/** The ordered agenda: add, remove and move items; each names its presenting unit and planned minutes. */
export function AgendaEditor({ items, units, onChange }: { items: AgendaDraft[]; units: Unit[]; onChange: (items: AgendaDraft[]) => void }) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<AgendaDraft>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  };
  const total = items.reduce((sum, item) => sum + (item.plannedMinutes || 0), 0);
  return (
    <fieldset className="agenda">
      <legend>
        {t('agenda.legend')} ({total} {t('time.minutes')})
      </legend>
      <ol>
        {items.map((item, index) => (
          <li key={index} className="agenda__item">
            <label>
              {t('agenda.title')}
              <input value={item.title} required onChange={(e) => update(index, { title: e.target.value })} />
            </label>
            <label>
              {t('agenda.presenter')}
              <select value={item.presentingUnitId ?? ''} onChange={(e) => update(index, { presentingUnitId: e.target.value || null })}>
                <option value="">—</option>
                {/* Any unit presents: since 2025 communes and wards report to the province themselves. */}
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>{unit.name}</option>
                ))}
              </select>
            </label>
            <label>
              {t('agenda.minutes')}
              <input type="number" min={1} max={600} value={item.plannedMinutes} onChange={(e) => update(index, { plannedMinutes: Number(e.target.value) })} />
            </label>
            <span className="toolbar">
              <button type="button" className="button button--small" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`${t('agenda.up')} ${index + 1}`}>↑</button>
              <button type="button" className="button button--small" disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={`${t('agenda.down')} ${index + 1}`}>↓</button>
              <button type="button" className="button button--small" onClick={() => onChange(items.filter((_, i) => i !== index))} aria-label={`${t('agenda.remove')} ${index + 1}`}><Icon name="close" /></button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...items, { title: '', presentingUnitId: null, plannedMinutes: 15 }])}>
        {t('agenda.add')}
      </button>
    </fieldset>
  );
}
