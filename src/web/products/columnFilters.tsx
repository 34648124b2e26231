// Column filters for values the server filters on by id or by flag (AG Grid Community has no
// set filter). With the Infinite Row Model the grid only hands the model to the datasource;
// the server does the filtering, so doesFilterPass is never relied on.
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';

export interface Choice {
  value: string;
  label: string;
}

export interface ChoiceModel {
  value: string;
}

export function ChoiceFilter(props: CustomFilterProps<unknown, unknown, ChoiceModel> & { choices: () => Choice[]; allLabel?: string }) {
  useGridFilter({ doesFilterPass: () => true });
  const current = props.model?.value ?? '';
  return (
    <div className="grid-filter" role="group" aria-label={`Filter ${props.colDef.headerName ?? ''}`}>
      <label className="grid-filter-option">
        <input type="radio" name={`choice-${props.colDef.colId}`} checked={current === ''} onChange={() => props.onModelChange(null)} />
        {props.allLabel ?? 'All'}
      </label>
      {props.choices().map((choice) => (
        <label className="grid-filter-option" key={choice.value}>
          <input
            type="radio"
            name={`choice-${props.colDef.colId}`}
            checked={current === choice.value}
            onChange={() => props.onModelChange({ value: choice.value })}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}

export interface ChoicesModel {
  values: string[];
}

export function ChoicesFilter(props: CustomFilterProps<unknown, unknown, ChoicesModel> & { choices: () => Choice[]; hint?: string }) {
  useGridFilter({ doesFilterPass: () => true });
  const current = props.model?.values ?? [];
  function toggle(value: string) {
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    props.onModelChange(next.length ? { values: next } : null);
  }
  return (
    <div className="grid-filter" role="group" aria-label={`Filter ${props.colDef.headerName ?? ''}`}>
      {props.hint && <p className="muted small">{props.hint}</p>}
      {props.choices().map((choice) => (
        <label className="grid-filter-option" key={choice.value}>
          <input type="checkbox" checked={current.includes(choice.value)} onChange={() => toggle(choice.value)} />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
