// What the emulated store holds for a product or a variation (both are "posts" in WordPress and
// share one id sequence, with orders).

export type ProductType = 'simple' | 'variable' | 'grouped' | 'external' | 'variation';
export type StockStatus = 'instock' | 'outofstock' | 'onbackorder';
export type Backorders = 'no' | 'notify' | 'yes';

export interface ProductAttribute {
  id: number;
  name: string;
  position: number;
  visible: boolean;
  variation: boolean;
  options: string[];
}

export interface ChosenAttribute {
  id: number;
  name: string;
  option: string;
}

export interface TermRef {
  id: number;
  name: string;
  slug: string;
}

export interface ImageRecord {
  id: number;
  src: string;
  name: string;
  alt: string;
  createdS: number;
}

export interface MetaEntry {
  id: number;
  key: string;
  value: unknown;
}

export interface ProductRecord {
  id: number;
  /** 0 for a product; the variable product for a variation. */
  parentId: number;
  type: ProductType;
  name: string;
  slug: string;
  status: string;
  featured: boolean;
  catalogVisibility: string;
  description: string;
  shortDescription: string;
  sku: string;
  /** GTIN / UPC / EAN / ISBN (WooCommerce 9.2+ `global_unique_id`). */
  globalUniqueId: string;
  regularPrice: string;
  salePrice: string;
  manageStock: boolean;
  stockQuantity: number | null;
  stockStatus: StockStatus;
  backorders: Backorders;
  weight: string;
  dimensions: { length: string; width: string; height: string };
  /** A product's attributes. */
  attributes: ProductAttribute[];
  /** A variation's chosen options. */
  chosen: ChosenAttribute[];
  defaultAttributes: ChosenAttribute[];
  variationIds: number[];
  categories: TermRef[];
  tags: TermRef[];
  images: ImageRecord[];
  menuOrder: number;
  metaData: MetaEntry[];
  totalSales: number;
  createdS: number;
  modifiedS: number;
}

export function blankProduct(id: number, parentId: number, type: ProductType, now: number): ProductRecord {
  return {
    id,
    parentId,
    type,
    name: '',
    slug: '',
    status: 'publish',
    featured: false,
    catalogVisibility: 'visible',
    description: '',
    shortDescription: '',
    sku: '',
    globalUniqueId: '',
    regularPrice: '',
    salePrice: '',
    manageStock: false,
    stockQuantity: null,
    stockStatus: 'instock',
    backorders: 'no',
    weight: '',
    dimensions: { length: '', width: '', height: '' },
    attributes: [],
    chosen: [],
    defaultAttributes: [],
    variationIds: [],
    categories: [],
    tags: [],
    images: [],
    menuOrder: 0,
    metaData: [],
    totalSales: 0,
    createdS: now,
    modifiedS: now,
  };
}
