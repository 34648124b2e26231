// The grid's column sets ("Data Fields") for products and for variants (See Variants).
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { Product, StoreLink, Variant } from '../api/types.ts';
import type { MasterData } from '../ui/useMasterData.ts';
import { ChoiceFilter, ChoicesFilter, type Choice } from './columnFilters.tsx';
import { missingFieldLabels } from './missingFields.ts';

export type DataFields = 'general' | 'pricing' | 'stock' | 'ecommerce';
export const dataFieldSets: { id: DataFields; label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'pricing', label: 'Pricing' },
  { id: 'stock', label: 'Stock' },
  { id: 'ecommerce', label: 'Ecommerce' },
];


export const UNALLOCATED = 'unallocated';

function refData(items: { id: string; name: string }[]): Record<string, string> {
  return Object.fromEntries(items.map((item) => [item.id, item.name]));
}

/** The list API nests named references ({ id, name }); a row may also carry the bare id. */
type NamedKey = 'productGroup' | 'brand' | 'supplier' | 'taxGroup';

function namedIdOf(row: unknown, key: NamedKey): string {
  const r = row as Record<string, unknown> | undefined;
  if (!r) return '';
  const nested = r[key] as { id?: string } | null | undefined;
  if (nested && typeof nested === 'object') return nested.id ?? '';
  return (r[`${key}Id`] as string | null | undefined) ?? '';
}

/** A column holding one of the master-data references, editable through a select of names. */
function selectColumn(key: NamedKey, headerName: string, items: { id: string; name: string }[], extra: Partial<ColDef> = {}): ColDef {
  return {
    colId: `${key}Id`,
    headerName,
    valueGetter: (p) => namedIdOf(p.data, key),
    valueSetter: (p) => {
      const row = p.data as Record<string, unknown>;
      row[key] = p.newValue ? { id: p.newValue, name: refData(items)[p.newValue] ?? '' } : null;
      return true;
    },
    refData: refData(items),
    editable: true,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: ['', ...items.map((item) => item.id)] },
    minWidth: 130,
    ...extra,
  };
}

type RowLinks = (row: Product | undefined) => StoreLink[] | undefined;

/** The stores a row is on: attached from GET /api/store-links while the Ecommerce set is shown. */
const linksOf: RowLinks = (row) => row?.stores ?? row?.links;

function ProductNameCell(params: ICellRendererParams<Product | Variant>) {
  const row = params.data as (Product & Variant) | undefined;
  if (!row) return <span className="muted">Loading…</span>;
  const productId = (row as Variant).productId ?? row.id;
  const label = params.value ?? (row as Variant).productName ?? '';
  return (
    <>
      <a href={`#/products/${encodeURIComponent(productId ?? '')}`} className="cell-link">
        {label || '(no name)'}
      </a>
      {row.status === 'archived' && <span className="chip archived">Archived</span>}
    </>
  );
}

export const statusLabels: Record<string, string> = { active: 'Active', draft: 'Draft', archived: 'Archived' };

/**
 * The Status column. Its filter's first choice is "no filter", which the API answers with every
 * product not archived (decision 40); Archived and All ask for the others.
 */
function statusColumn<T>(): ColDef<T> {
  return {
    colId: 'status',
    field: 'status' as never,
    headerName: 'Status',
    refData: statusLabels,
    minWidth: 110,
    sortable: false,
    cellClassRules: { 'cell-archived': (p) => p.value === 'archived' },
    filter: ChoiceFilter,
    filterParams: {
      allLabel: 'Active and draft',
      choices: (): Choice[] => [
        { value: 'archived', label: 'Archived' },
        { value: 'all', label: 'All' },
      ],
    },
  };
}

function MissingCell(params: ICellRendererParams<Product>) {
  const missing = params.data?.missingFields ?? [];
  if (!params.data) return null;
  if (missing.length === 0) return <span className="chip ok">Complete</span>;
  return (
    <span className="chips">
      {missing.map((field) => (
        <span key={field} className="chip warn">
          {missingFieldLabels[field] ?? field}
        </span>
      ))}
    </span>
  );
}

function StoresCell(params: ICellRendererParams<Product> & { linksOf: RowLinks }) {
  const links = params.linksOf(params.data);
  if (!params.data) return null;
  if (links === undefined) return <span className="muted">—</span>;
  if (links.length === 0) return <span className="muted">Not linked</span>;
  return (
    <span className="chips">
      {links.map((link) => (
        <span key={link.storeId} className="chip">
          {link.storeName ?? link.platform ?? link.storeId}
        </span>
      ))}
    </span>
  );
}

export function productColumns(set: DataFields, master: MasterData): ColDef<Product>[] {
  const groupChoices = (): Choice[] => [
    { value: UNALLOCATED, label: 'Unallocated' },
    ...master['product-groups'].filter((g) => g.name.toLowerCase() !== 'unallocated').map((g) => ({ value: g.id, label: g.name })),
  ];
  const name: ColDef<Product> = {
    field: 'name',
    colId: 'name',
    headerName: 'Name',
    pinned: 'left',
    minWidth: 200,
    flex: 2,
    editable: true,
    cellRenderer: ProductNameCell,
    filter: 'agTextColumnFilter',
    filterParams: { filterOptions: ['contains'], maxNumConditions: 1 },
    sortable: true,
  };
  const group = selectColumn('productGroup', 'Group', master['product-groups'], {
    filter: ChoiceFilter,
    filterParams: { choices: groupChoices },
  }) as ColDef<Product>;
  const missing: ColDef<Product> = {
    field: 'missingFields',
    colId: 'missingFields',
    headerName: 'Missing',
    minWidth: 400,
    flex: 3,
    tooltipValueGetter: (p) => ((p.data as Product | undefined)?.missingFields ?? []).map((f) => missingFieldLabels[f] ?? f).join(', '),
    cellRenderer: MissingCell,
    sortable: false,
    filter: ChoicesFilter,
    filterParams: {
      hint: 'Products missing any of:',
      choices: (): Choice[] => ['group', 'brand', 'supplier', 'productType', 'taxGroup', 'costPrice'].map((f) => ({ value: f, label: missingFieldLabels[f] })),
    },
  };
  const ecommerce: ColDef<Product> = {
    field: 'ecommerce',
    colId: 'ecommerce',
    headerName: 'Ecommerce',
    editable: true,
    cellDataType: 'boolean',
    minWidth: 120,
    filter: ChoiceFilter,
    filterParams: { choices: (): Choice[] => [{ value: 'true', label: 'On' }, { value: 'false', label: 'Off' }] },
  };
  const type: ColDef<Product> = {
    field: 'productType',
    colId: 'productType',
    headerName: 'Type',
    editable: true,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: ['fixed', 'per_unit'] },
    refData: { fixed: 'Fixed', per_unit: 'Per unit' },
    minWidth: 110,
    sortable: true,
  };
  const variants: ColDef<Product> = {
    colId: 'variantCount',
    headerName: 'Variants',
    valueGetter: (p) => p.data?.variantCount ?? p.data?.variants?.length ?? '',
    minWidth: 100,
    sortable: false,
  };
  switch (set) {
    case 'general':
      return [
        name,
        group,
        selectColumn('brand', 'Brand', master.brands) as ColDef<Product>,
        selectColumn('supplier', 'Supplier', master.suppliers) as ColDef<Product>,
        type,
        variants,
        statusColumn<Product>(),
        missing,
      ];
    case 'pricing':
      // Prices and costs belong to variants: See Variants edits them; here, the product's tax group.
      return [
        name,
        selectColumn('taxGroup', 'Tax group', master['tax-groups']) as ColDef<Product>,
        variants,
        {
          colId: 'costMissing',
          headerName: 'Cost prices',
          valueGetter: (p) => (p.data ? (p.data.missingFields ?? []).includes('costPrice') ? 'Missing' : 'Set' : ''),
          minWidth: 120,
        },
        group,
        missing,
      ];
    case 'stock':
      return [
        name,
        { field: 'onHand', colId: 'onHand', headerName: 'On hand', minWidth: 110 },
        type,
        { field: 'unit', colId: 'unit', headerName: 'Unit', editable: true, minWidth: 90 },
        variants,
        group,
      ];
    case 'ecommerce':
      return [
        name,
        ecommerce,
        { colId: 'stores', headerName: 'Linked stores', cellRenderer: StoresCell, cellRendererParams: { linksOf }, minWidth: 180, flex: 1, sortable: false },
        {
          colId: 'syncState',
          headerName: 'Sync state',
          valueGetter: (p) => p.data?.syncState ?? (linksOf(p.data) ?? []).map((l) => l.syncState ?? l.state).filter(Boolean).join(', '),
          minWidth: 130,
        },
        {
          colId: 'lastError',
          headerName: 'Last error',
          valueGetter: (p) => p.data?.lastError ?? (linksOf(p.data) ?? []).map((l) => l.lastError).filter(Boolean).join('; '),
          minWidth: 200,
          flex: 2,
          tooltipValueGetter: (p) => String(p.value ?? ''),
        },
        group,
      ];
  }
}

export function variantColumns(set: DataFields, master: MasterData): ColDef<Variant>[] {
  const product: ColDef<Variant> = {
    field: 'productName',
    colId: 'productName',
    headerName: 'Product',
    pinned: 'left',
    minWidth: 180,
    flex: 2,
    cellRenderer: ProductNameCell,
    filter: 'agTextColumnFilter',
    filterParams: { filterOptions: ['contains'], maxNumConditions: 1 },
    sortable: true,
  };
  const options: ColDef<Variant> = {
    colId: 'values',
    headerName: 'Options',
    valueGetter: (p) => (p.data?.values ?? []).join(' / '),
    minWidth: 140,
  };
  const sku: ColDef<Variant> = { field: 'sku', colId: 'sku', headerName: 'SKU', editable: true, minWidth: 130, sortable: true };
  const group = selectColumn('productGroup', 'Group', master['product-groups'], {
    editable: false,
    filter: ChoiceFilter,
    filterParams: {
      choices: (): Choice[] => [
        { value: UNALLOCATED, label: 'Unallocated' },
        ...master['product-groups'].filter((g) => g.name.toLowerCase() !== 'unallocated').map((g) => ({ value: g.id, label: g.name })),
      ],
    },
  }) as ColDef<Variant>;
  const price: ColDef<Variant> = { field: 'price', colId: 'price', headerName: 'Price', editable: true, minWidth: 100, sortable: true };
  const cost: ColDef<Variant> = { field: 'costPrice', colId: 'costPrice', headerName: 'Cost price', editable: true, minWidth: 110, sortable: true };
  const onHand: ColDef<Variant> = {
    colId: 'onHand',
    headerName: 'On hand',
    valueGetter: (p) => p.data?.onHand ?? p.data?.stock ?? '',
    minWidth: 100,
  };
  switch (set) {
    case 'general':
      return [product, options, sku, { field: 'barcode', colId: 'barcode', headerName: 'Barcode', editable: true, minWidth: 140, sortable: true }, group, statusColumn<Variant>()];
    case 'pricing':
      return [product, options, sku, price, cost];
    case 'stock':
      return [product, options, sku, onHand];
    case 'ecommerce':
      return [
        product,
        options,
        sku,
        { colId: 'ecommerce', field: 'ecommerce' as never, headerName: 'Ecommerce', cellDataType: 'boolean', minWidth: 110 },
        { colId: 'stores', headerName: 'Linked stores', cellRenderer: StoresCell, cellRendererParams: { linksOf }, minWidth: 160, flex: 1 },
        {
          colId: 'syncState',
          headerName: 'Sync state',
          valueGetter: (p) => (linksOf(p.data as unknown as Product) ?? []).map((l) => `${l.storeName ?? l.platform}: ${l.syncState ?? l.state}`).join(', '),
          minWidth: 160,
        },
      ];
  }
}
