import type { Unit } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../../api/apiClient';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useUnsavedChanges } from '../../../hooks/useUnsavedChanges';
import { useI18n } from '../../../i18n/I18nProvider';
import { detach } from '../../../util/detach';

/**
 * What a unit may contain: the province has departments, communes and wards (no districts since
 * 1 July 2025); a district kept from before the reform, its communes and wards.
 */
const CHILD_KINDS: Record<Unit['kind'], Unit['kind'][]> = {
  PROVINCE: ['DEPARTMENT', 'COMMUNE', 'WARD'],
  DEPARTMENT: [],
  DISTRICT: ['COMMUNE', 'WARD'],
  COMMUNE: [],
  WARD: [],
};

/** The chosen unit: disable or re-enable it, add a unit below it. */
export function UnitPanel({ unit, onChanged }: { unit: Unit; onChanged: () => void }) {
  const { t } = useI18n();
  const kinds = CHILD_KINDS[unit.kind];
  const blank = { code: '', name: '', kind: kinds[0] };
  const [child, setChild] = useState(blank);
  const [error, setError] = useState<unknown>();
  // A unit being added (its code and name typed) is not lost to a stray click.
  useUnsavedChanges(child);
  const act = async (call: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await call();
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const addChild = (event: FormEvent) => {
    event.preventDefault();
    if (!child.kind) return;
    const create = async () => {
      await callApi('units.create', { body: { code: child.code, name: child.name, kind: child.kind!, parentId: unit.id } });
      setChild(blank);
    };
    detach(act(create), 'creating the unit');
  };
  return (
    <section className="panel" aria-labelledby="unit-heading">
      <h2 id="unit-heading">{unit.name} <span className="muted">({unit.code})</span></h2>
      <button type="button" className="button" onClick={() => detach(act(() => callApi('units.update', { params: { id: unit.id }, body: { disabled: !unit.disabled } })), 'enabling or disabling the unit')}>
        {t(unit.disabled ? 'unit.enable' : 'unit.disable')}
      </button>
      {kinds.length > 0 && (
        <form className="form form__row" onSubmit={addChild}>
          <label>
            {t('unit.kind')}
            <select value={child.kind} onChange={(e) => setChild({ ...child, kind: e.target.value as Unit['kind'] })}>
              {kinds.map((kind) => <option key={kind} value={kind}>{t(`unitKind.${kind}`)}</option>)}
            </select>
          </label>
          <label>
            {t('site.code')}
            <input value={child.code} required onChange={(e) => setChild({ ...child, code: e.target.value })} />
          </label>
          <label>
            {t('site.name')}
            <input value={child.name} required onChange={(e) => setChild({ ...child, name: e.target.value })} />
          </label>
          <button type="submit" className="button">{t('unit.add')}</button>
        </form>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
