import { type Site, type Unit } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../../api/apiClient';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useUnsavedChanges } from '../../../hooks/useUnsavedChanges';
import { provinceDay } from '../../../i18n/dates';
import { useI18n } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/vi';
import { detach } from '../../../util/detach';

const TEXT_FIELDS = [
  ['contactName', 'site.contactName'],
  ['contactPhone', 'site.contactPhone'],
  ['address', 'site.address'],
  ['equipmentNotes', 'site.equipmentNotes'],
] as const satisfies ReadonlyArray<readonly [keyof Site, MessageKey]>;

type Fields = { code: string; name: string; unitId: string; disabled: boolean } & Record<(typeof TEXT_FIELDS)[number][0], string>;

interface SiteFormProps {
  site: Site | undefined;
  units: Unit[];
  defaultUnitId: string | undefined;
  /** A province-wide account: it may move a room to another unit (a reorganisation). */
  canMove: boolean;
  onDone: () => void;
}

/**
 * Creating or editing a meeting room; the server's field problems are shown beside the form. A room
 * given another unit moves as a reorganisation does, from the day chosen: records of meetings
 * before it keep the room under its former unit.
 */
export function SiteForm({ site, units, defaultUnitId, canMove, onDone }: SiteFormProps) {
  const { t } = useI18n();
  const [effective, setEffective] = useState(() => provinceDay(new Date()));
  const [fields, setFields] = useState<Fields>({
    code: site?.code ?? '',
    name: site?.name ?? '',
    unitId: site?.unitId ?? defaultUnitId ?? '',
    disabled: site?.disabled ?? false,
    contactName: site?.contactName ?? '',
    contactPhone: site?.contactPhone ?? '',
    address: site?.address ?? '',
    equipmentNotes: site?.equipmentNotes ?? '',
  });
  const [error, setError] = useState<unknown>();
  const unsaved = useUnsavedChanges(fields);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { code, disabled, contactPhone, ...rest } = fields;
    const common = { ...rest, contactPhone: contactPhone || null };
    try {
      if (site) {
        const { unitId, ...edits } = common;
        if (unitId !== site.unitId) await callApi('sites.move', { params: { id: site.id }, body: { unitId, effective } });
        await callApi('sites.update', { params: { id: site.id }, body: { ...edits, disabled } });
      } else await callApi('sites.create', { body: { ...common, code } });
      unsaved.saved(fields);
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form className="panel form" onSubmit={(event) => detach(submit(event), 'saving the site')} aria-labelledby="site-form-heading">
      <h2 id="site-form-heading">{site ? `${t('site.edit')}: ${site.name}` : t('site.new')}</h2>
      {!site && (
        <label>
          {t('site.code')}
          <input value={fields.code} required onChange={(e) => setFields({ ...fields, code: e.target.value })} />
        </label>
      )}
      <label>
        {t('site.name')}
        <input value={fields.name} required onChange={(e) => setFields({ ...fields, name: e.target.value })} />
      </label>
      <label>
        {t('site.unit')}
        <select value={fields.unitId} required disabled={site && !canMove} onChange={(e) => setFields({ ...fields, unitId: e.target.value })}>
          <option value="">—</option>
          {units.filter((u) => !u.disabled || u.id === site?.unitId).map((unit) => <option key={unit.id} value={unit.id}>{unit.name}</option>)}
        </select>
      </label>
      {site && !canMove && <p className="muted">{t('site.moveByProvince')}</p>}
      {site && fields.unitId !== site.unitId && (
        <>
          <label>
            {t('reorganise.effective')}
            <input type="date" value={effective} max={provinceDay(new Date())} required onChange={(e) => setEffective(e.target.value)} data-testid="site-move-effective" />
          </label>
          <p className="notice" role="note">{t('site.moveNote')}</p>
        </>
      )}
      {TEXT_FIELDS.map(([key, label]) => (
        <label key={key}>
          {t(label)}
          <input value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />
        </label>
      ))}
      {site && (
        <label className="checkbox">
          <input type="checkbox" checked={fields.disabled} onChange={(e) => setFields({ ...fields, disabled: e.target.checked })} />
          {t('site.disabled')}
        </label>
      )}
      <ErrorNotice error={error} />
      <div className="toolbar">
        <button type="submit" className="button button--primary">{t('common.save')}</button>
        <button type="button" className="button" onClick={() => unsaved.discard(onDone)}>{t('common.close')}</button>
      </div>
    </form>
  );
}
