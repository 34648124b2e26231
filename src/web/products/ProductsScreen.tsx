// Inventory → Products: server-paged grid of products (or, with See Variants, every variant),
// column sets, column filters mapped to the list API, inline edit and bulk edit.
import { useCallback, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellValueChangedEvent, ColDef, GetRowIdParams, GridApi, IDatasource, IGetRowsParams, RowClassRules, RowSelectionOptions, SelectionColumnDef } from 'ag-grid-community';
import { api, errorSentence } from '../api/client.ts';
import type { Page, Product, StoreLink, Variant } from '../api/types.ts';
import { navigate } from '../app/router.ts';
import { useMasterData } from '../ui/useMasterData.ts';
import { Empty, ErrorText, Notice } from '../ui/feedback.tsx';
import { BulkEditPanel } from './BulkEditPanel.tsx';
import { dataFieldSets, productColumns, variantColumns, UNALLOCATED, type DataFields } from './columns.tsx';
import { gridRequestToQuery } from './gridQuery.ts';
import { gridTheme } from './gridTheme.ts';

const blockSize = 100;
type Row = Product | Variant;

// Grid options kept outside render: a new object on each render would make the grid reset.
const defaultColDef: ColDef = { resizable: true, sortable: false, minWidth: 90, flex: 1 };
const rowSelection: RowSelectionOptions = { mode: 'multiRow', headerCheckbox: false };
const selectionColumnDef: SelectionColumnDef = { pinned: 'left', width: 48, minWidth: 48, maxWidth: 48, resizable: false };
const getRowId = (params: GetRowIdParams<Row>) => String(params.data.id);
/** An archived product (shown only when the Status filter asks for it) is greyed, with an Archived chip by its name. */
const rowClassRules: RowClassRules<Row> = { 'row-archived': (params) => params.data?.status === 'archived' };

/** Adds each row's stores (GET /api/store-links) for the Ecommerce column set; a row on no store gets []. */
async function attachStoreLinks(page: Page<Row>): Promise<Page<Row>> {
  const productIdOf = (row: Row) => (row as Variant).productId ?? row.id!;
  const ids = [...new Set(page.items.map(productIdOf))];
  if (ids.length === 0) return page;
  const { items } = await api.get<{ items: (StoreLink & { productId: string })[] }>('/api/store-links', { productIds: ids.join(',') });
  const byProduct = new Map<string, StoreLink[]>();
  for (const link of items) byProduct.set(link.productId, [...(byProduct.get(link.productId) ?? []), link]);
  return { ...page, items: page.items.map((row) => ({ ...row, stores: byProduct.get(productIdOf(row)) ?? [] })) };
}

interface Total {
  count: number;
  /** false: more than `count` match (the server stopped counting a text search) */
  exact: boolean;
}

/**
 * Blocks of one query answer in any order: an exact total (from the block holding the last match)
 * wins over "more than", and a larger lower bound over a smaller one.
 */
function mergeTotal(known: Total | null, next: Total): Total {
  if (!known || next.exact) return next;
  if (known.exact) return known;
  return next.count > known.count ? next : known;
}

/** "20,000 variants", or "more than 1,000 variants" when the server stopped counting. */
function rowCountLabel(count: number, exact: boolean, noun: string): string {
  const label = `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;
  return exact ? label : `more than ${label}`;
}

/** Raises the grid's row count to `atLeast` while its last row is unknown (it never lowers it). */
function growRowCount(api: GridApi<Row> | null, atLeast: number): void {
  if (!api || api.isLastRowIndexKnown() || api.getDisplayedRowCount() >= atLeast) return;
  api.setRowCount(atLeast, false);
}

export function ProductsScreen() {
  const master = useMasterData();
  const gridApi = useRef<GridApi<Row> | null>(null);
  const [showVariants, setShowVariants] = useState(false);
  const [fields, setFields] = useState<DataFields>('general');
  const [total, setTotal] = useState<Total | null>(null);
  /** The query (less its page) that `total` is about; null after a refresh, so the next answer replaces it. */
  const totalQuery = useRef<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [selected, setSelected] = useState<Product[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [unallocatedOnly, setUnallocatedOnly] = useState(false);
  const [statusFilter, setStatusFilter] = useState<string | null>(null);

  const withLinks = fields === 'ecommerce';
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params: IGetRowsParams) {
        const query = gridRequestToQuery(
          { startRow: params.startRow, endRow: params.endRow, sortModel: params.sortModel, filterModel: params.filterModel },
          blockSize,
        );
        const path = showVariants ? '/api/variants' : '/api/products';
        const queryKey = JSON.stringify([path, { ...query, page: undefined }]);
        api
          .get<Page<Row>>(path, query)
          .then((page) => (withLinks ? attachStoreLinks(page) : page))
          .then((page) => {
            setLoadError(null);
            const next = { count: page.total, exact: page.totalIsExact };
            const sameQuery = totalQuery.current === queryKey;
            totalQuery.current = queryKey;
            setTotal((known) => (sameQuery ? mergeTotal(known, next) : next));
            // A text search past the server's count cap: the last row stays unknown, so the grid
            // keeps asking for blocks as the user scrolls; the scrollbar spans at least the known rows.
            params.successCallback(page.items, page.totalIsExact ? page.total : undefined);
            if (!page.totalIsExact) growRowCount(gridApi.current, page.total + 1);
          })
          .catch((error) => {
            setLoadError(errorSentence(error));
            params.failCallback();
          });
      },
    }),
    [showVariants, withLinks],
  );

  const columnDefs = useMemo(
    () => (showVariants ? variantColumns(fields, master.data) : productColumns(fields, master.data)),
    [showVariants, fields, master.data],
  );

  const onCellValueChanged = useCallback(
    async (event: CellValueChangedEvent<Row>) => {
      const field = event.colDef.field ?? event.colDef.colId;
      const row = event.data;
      if (!field || !row?.id || event.newValue === event.oldValue) return;
      const value = event.newValue === '' ? null : event.newValue;
      const label = (row as Product).name ?? (row as Variant).sku ?? '';
      try {
        if (showVariants) await api.patch(`/api/variants/${row.id}`, { [field]: value });
        else await api.patch(`/api/products/${row.id}`, { [field]: value });
        setEditError(null);
        setMessage(`Saved ${event.colDef.headerName} of “${label}”.`);
      } catch (error) {
        setEditError(`Could not change ${event.colDef.headerName} of “${label}”: ${errorSentence(error)}`);
      }
      totalQuery.current = null;
      event.api.refreshInfiniteCache();
    },
    [showVariants],
  );

  function toggleUnallocated() {
    const api = gridApi.current;
    if (!api) return;
    const next = !unallocatedOnly;
    void api.setColumnFilterModel('productGroupId', next ? { value: UNALLOCATED } : null).then(() => api.onFilterChanged());
  }

  function refresh() {
    gridApi.current?.deselectAll();
    totalQuery.current = null;
    gridApi.current?.refreshInfiniteCache();
  }

  return (
    <section className="screen products-screen">
      <header className="screen-head">
        <div>
          <p className="crumbs">Inventory</p>
          <h1>{showVariants ? 'Variants' : 'Products'}</h1>
        </div>
        <button className="primary" onClick={() => navigate('/products/new')}>
          New product
        </button>
      </header>

      <div className="toolbar" role="toolbar" aria-label="Grid options">
        <label className="switch">
          <input type="checkbox" checked={showVariants} onChange={(e) => { setSelected([]); setShowVariants(e.target.checked); }} />
          See Variants
        </label>
        <div className="segmented" role="radiogroup" aria-label="Data Fields">
          <span className="segmented-label">Data Fields</span>
          {dataFieldSets.map((set) => (
            <button
              key={set.id}
              role="radio"
              aria-checked={fields === set.id}
              className={fields === set.id ? 'active' : ''}
              onClick={() => setFields(set.id)}
            >
              {set.label}
            </button>
          ))}
        </div>
        <button className={unallocatedOnly ? 'chip-button active' : 'chip-button'} onClick={toggleUnallocated} aria-pressed={unallocatedOnly}>
          Unallocated to-do
        </button>
        <span className="count" data-testid="row-count">
          {total === null ? '' : rowCountLabel(total.count, total.exact, showVariants ? 'variant' : 'product')}
        </span>
      </div>

      {!showVariants && selected.length > 0 && (
        <div className="selection-bar">
          <span>
            {selected.length} selected
          </span>
          <button onClick={() => setBulkOpen(true)}>Bulk edit</button>
          <button className="ghost" onClick={() => gridApi.current?.deselectAll()}>
            Clear selection
          </button>
        </div>
      )}
      {bulkOpen && !showVariants && (
        <BulkEditPanel
          productIds={selected.map((p) => p.id)}
          master={master.data}
          onClose={() => setBulkOpen(false)}
          onDone={(text) => {
            setBulkOpen(false);
            setMessage(text);
            refresh();
          }}
        />
      )}
      {message && <Notice>{message}</Notice>}
      <ErrorText error={master.error} />
      <ErrorText error={loadError} testId="grid-error" />
      <ErrorText error={editError} testId="edit-error" />
      {total?.count === 0 && !loadError && (
        <Empty>
          {unallocatedOnly
            ? 'Nothing left in Unallocated — every product is finished.'
            : statusFilter === 'archived'
              ? 'No archived products match.'
              : 'No products match. Create one, import a CSV, or connect a store.'}
        </Empty>
      )}
      <div className="grid-wrap" data-testid="products-grid">
        <AgGridReact<Row>
          key={showVariants ? 'variants' : 'products'}
          theme={gridTheme}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={blockSize}
          maxBlocksInCache={20}
          columnDefs={columnDefs as never}
          defaultColDef={defaultColDef}
          getRowId={getRowId}
          rowClassRules={rowClassRules}
          rowSelection={showVariants ? undefined : rowSelection}
          selectionColumnDef={selectionColumnDef}
          onGridReady={(e) => {
            gridApi.current = e.api;
          }}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows() as Product[])}
          onFilterChanged={(e) => {
            const model = e.api.getFilterModel() as Record<string, { value?: string }>;
            setUnallocatedOnly(model.productGroupId?.value === UNALLOCATED);
            setStatusFilter(model.status?.value ?? null);
            e.api.deselectAll();
          }}
          onCellValueChanged={onCellValueChanged}
          stopEditingWhenCellsLoseFocus
          singleClickEdit={false}
          tooltipShowDelay={300}
        />
      </div>
    </section>
  );
}
