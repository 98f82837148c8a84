import { foldText, type Unit } from '@pm/shared';
import { useState } from 'react';

/** Picks units from the directory: type part of a name (diacritics optional), tick the units. */
export function UnitChecks({
  label,
  units,
  selected,
  onChange,
  testId,
}: {
  label: string;
  units: Unit[];
  selected: string[];
  onChange: (ids: string[]) => void;
  testId: string;
}) {
  const [search, setSearch] = useState('');
  const wanted = foldText(search.trim());
  const shown = units.filter((u) => selected.includes(u.id) || (wanted && foldText(u.name).includes(wanted)));
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  return (
    <fieldset data-testid={testId}>
      <legend>{label}</legend>
      <input type="search" aria-label={label} value={search} onChange={(e) => setSearch(e.target.value)} />
      <div className="unit-checks">
        {shown.map((unit) => (
          <label key={unit.id}>
            <input type="checkbox" checked={selected.includes(unit.id)} onChange={() => toggle(unit.id)} />
            {unit.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
