import type { Unit } from '@pm/shared';
import { useState } from 'react';
import { callApi } from '../../../api/apiClient';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../hooks/useAction';
import { provinceDay } from '../../../i18n/dates';
import { useI18n } from '../../../i18n/I18nProvider';

const NEW_UNIT = 'new';
const today = () => provinceDay(new Date());

/**
 * A decision about the chosen unit, effective from a day: rename it, merge it into another unit
 * (an existing one or a new one; merge several one after another into the same), or retire it.
 * Records of meetings before that day keep the names of their day.
 */
export function ReorganisePanel({ unit, units, onChanged }: { unit: Unit; units: Unit[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [effective, setEffective] = useState(today);
  const [name, setName] = useState(unit.name);
  const [successorId, setSuccessorId] = useState('');
  const [successor, setSuccessor] = useState({ code: '', name: '' });
  const action = useAction();
  const [done, setDone] = useState<string>();
  const act = (call: () => Promise<unknown>, message: string) => {
    setDone(undefined);
    action.run(call, () => {
      setDone(message);
      onChanged();
    });
  };
  const successors = units.filter((other) => other.id !== unit.id && !other.disabled && other.kind !== 'PROVINCE');
  const successorKind = unit.kind === 'WARD' || unit.kind === 'COMMUNE' ? unit.kind : 'DEPARTMENT';
  const merge = () =>
    callApi('units.merge', {
      body: {
        predecessorIds: [unit.id],
        successor: successorId === NEW_UNIT ? { ...successor, kind: successorKind } : { unitId: successorId },
        effective,
      },
    });
  if (unit.kind === 'PROVINCE' || unit.disabled) return null;
  return (
    <section className="panel" aria-labelledby="reorganise-heading">
      <h2 id="reorganise-heading">{t('reorganise.heading')}</h2>
      <label>
        {t('reorganise.effective')}
        <input type="date" value={effective} max={today()} required onChange={(e) => setEffective(e.target.value)} />
      </label>
      <div className="form form__row">
        <label>
          {t('reorganise.newName')}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="button" className="button" onClick={() => act(() => callApi('units.rename', { params: { id: unit.id }, body: { name, effective } }), t('reorganise.renamed'))}>
          {t('reorganise.rename')}
        </button>
      </div>
      <div className="form form__row">
        <label>
          {t('reorganise.mergeInto')}
          <select value={successorId} onChange={(e) => setSuccessorId(e.target.value)}>
            <option value="">—</option>
            <option value={NEW_UNIT}>{t('reorganise.newUnit')}</option>
            {successors.map((other) => (
              <option key={other.id} value={other.id}>{other.name}</option>
            ))}
          </select>
        </label>
        {successorId === NEW_UNIT && (
          <>
            <label>
              {t('site.code')}
              <input value={successor.code} onChange={(e) => setSuccessor({ ...successor, code: e.target.value })} />
            </label>
            <label>
              {t('site.name')}
              <input value={successor.name} onChange={(e) => setSuccessor({ ...successor, name: e.target.value })} />
            </label>
          </>
        )}
        <button type="button" className="button" disabled={!successorId} onClick={() => act(merge, t('reorganise.merged'))}>
          {t('reorganise.merge')}
        </button>
      </div>
      <button type="button" className="button" onClick={() => act(() => callApi('units.retire', { params: { id: unit.id }, body: { effective } }), t('reorganise.retired'))}>
        {t('reorganise.retire')}
      </button>
      {done && <p className="notice" role="status">{done}</p>}
      <ErrorNotice error={action.error} />
    </section>
  );
}
